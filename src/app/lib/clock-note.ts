import { offsetWorthNoting } from '../../domain/hlc';
import { t } from '../i18n/index';

/** An offset's size as people say it: "3 小时" / "3 h", "2 小时 5 分钟", "40 秒" (whole minutes from one minute on). */
export function offsetAmount(offsetMs: number): string {
  const abs = Math.abs(offsetMs);
  if (abs < 60_000) return t('clock.seconds', { n: Math.round(abs / 1000) });
  const minutes = Math.round(abs / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('clock.minutes', { n: m });
  return m === 0 ? t('clock.hours', { n: h }) : `${t('clock.hours', { n: h })} ${t('clock.minutes', { n: m })}`;
}

/** SY17: the note after a time recorded while the device's clock was off beyond DL9, else ''. */
export const clockNote = (offsetMs: number | undefined): string =>
  offsetWorthNoting(offsetMs) ? t(offsetMs < 0 ? 'clock.note.slow' : 'clock.note.fast', { amount: offsetAmount(offsetMs) }) : '';
