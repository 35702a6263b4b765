import { commonMessages } from './common.messages';
import { translator } from './i18n';
import type { ApiFailure } from './api';

const t = translator(commonMessages);
type Key = Parameters<typeof t>[0];

/** A wait in words: "45 s", "3 min". */
export const waitText = (seconds: number): string =>
  seconds < 90 ? t('wait.seconds', { n: Math.max(1, Math.ceil(seconds)) }) : t('wait.minutes', { n: Math.ceil(seconds / 60) });

/** What a failed request says to the person, in their language (read inside a reactive scope). */
export function failureText(f: ApiFailure): string {
  if (f.kind === 'network') return t('err.network');
  if (f.kind === 'bad-reply') return t('err.badReply');
  const { code, params } = f.reply;
  if (code === 'RATE_LIMITED') return t('err.RATE_LIMITED', { wait: waitText(Number(params?.retryAfterSeconds ?? 60)) });
  const key = `err.${code}`;
  return key in commonMessages ? t(key as Key) : t('err.other', { code });
}
