import type { FieldError } from '../../domain/field-errors';
import { fieldErrorMessage } from '../../app/i18n/errors';
import type { ApiFailure } from './api';
import { translator, type ConsoleMessages } from './i18n';

/** Field-error codes of the console's own schemas; the domain's are worded by the app's dictionary. */
const consoleFieldMessages = {
  PROVINCE_CODE: { 'zh-CN': '省级行政区划代码为 6 位，以 0000 结尾（如 440000）。', en: 'A province code has six digits ending in 0000 (e.g. 440000).' },
  SCOPE_ROLE: { 'zh-CN': '只有管理查看者需要选择地区范围。', en: 'Only an administration viewer has a region scope.' },
  ENROLMENT_CODE: { 'zh-CN': '登记码格式不正确。', en: 'This is not an enrolment code.' },
} satisfies ConsoleMessages;
const t = translator(consoleFieldMessages);

/** One field error in the user's language (reactive: re-worded on a language switch). */
export function fieldText(e: Pick<FieldError, 'code' | 'params'>): string {
  return e.code in consoleFieldMessages ? t(e.code as keyof typeof consoleFieldMessages) : fieldErrorMessage(e);
}

/** The errors at one dotted path, joined; undefined when there are none. */
export function errorAt(errors: readonly FieldError[], ...paths: string[]): string | undefined {
  const found = errors.filter((e) => paths.includes(e.field)).map(fieldText);
  return found.length === 0 ? undefined : [...new Set(found)].join(' ');
}

/** The server's INVALID_BODY issues as field errors, `prefix.` taken off their paths. */
export function serverFieldErrors(f: ApiFailure, prefix = ''): FieldError[] {
  if (f.kind !== 'refused' || f.reply.issues === undefined) return [];
  return f.reply.issues.map((i) => ({ field: prefix !== '' && i.path.startsWith(`${prefix}.`) ? i.path.slice(prefix.length + 1) : i.path, code: i.code, params: {} }));
}
