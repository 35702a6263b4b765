import { locale } from './i18n';

/**
 * Date and time on this browser's clock, written the same way in both languages where it must
 * not be misread: 2026-12-07 09:54 (a US-style 12/07/2026 reads as 12 July elsewhere).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const format = (kind: 'parts' | 'time'): Intl.DateTimeFormat => {
  let f = formats.get(kind);
  if (f === undefined) {
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    f = new Intl.DateTimeFormat('en-US', kind === 'time' ? time : { year: 'numeric', month: '2-digit', day: '2-digit', ...time });
    formats.set(kind, f);
  }
  return f;
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function partsOf(iso: string): { y: string; m: string; d: string; hm: string } {
  const p = Object.fromEntries(format('parts').formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { y: p.year ?? '', m: p.month ?? '', d: p.day ?? '', hm: `${p.hour ?? ''}:${p.minute ?? ''}` };
}

export function dateTime(iso: string | null | undefined): string {
  if (iso == null) return '—';
  const { y, m, d, hm } = partsOf(iso);
  return `${y}-${m}-${d} ${hm}`;
}
/** Month, day and time: the dense tables, where the year is this fair's. */
const shortCache = new Map<string, string>();
export function shortDateTime(iso: string | null | undefined): string {
  if (iso == null) return '—';
  // Many rows share a minute: each distinct instant is formatted once per language.
  const key = `${locale()}|${iso}`;
  let text = shortCache.get(key);
  if (text === undefined) {
    if (shortCache.size > 5000) shortCache.clear();
    const { m, d, hm } = partsOf(iso);
    text = locale() === 'zh-CN' ? `${m}-${d} ${hm}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m} ${hm}`;
    shortCache.set(key, text);
  }
  return text;
}
export const clockTime = (iso: string): string => format('time').format(new Date(iso));

/** A duration in the largest sensible unit: "45 s", "12 min", "3 h", "2 d". */
export function durationText(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const zh = locale() === 'zh-CN';
  if (s < 90) return zh ? `${s} 秒` : `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return zh ? `${m} 分钟` : `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return zh ? `${h} 小时` : `${h} h`;
  const d = Math.round(h / 24);
  return zh ? `${d} 天` : `${d} d`;
}

/** A countdown: "59:58", or "3:59:58" past an hour. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}
