import { splitTarget, type AuditEntry } from '../../../domain/wire/console-audit';
import { dateTime } from '../../lib/format';
import type { Language } from '../../../domain/codes';
import { interpolate, type Params } from '../../../app/i18n/index';
import { auditMessages } from './audit.messages';

type Key = keyof typeof auditMessages & string;
const say = (lang: Language, key: Key, params?: Params): string => interpolate(auditMessages[key][lang], params);
/** Whether a key built from data (an action's detail, a target's kind) has words. */
const has = (key: string): key is Key => Object.hasOwn(auditMessages, key);

/** Record ids for the CSV, not for a reader (CO47): the row's target or fair already names the record. */
const HIDDEN = new Set(['itemId', 'eventId', 'exhibitorId', 'resolves']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** CO47: what the row is about, as a reader calls it: `Fair CF140 · 第140届广交会`. */
export function aboutText(e: AuditEntry, labels: Readonly<Record<string, string>>, lang: Language): string {
  if (e.target === null) return '—';
  const [kind, id] = splitTarget(e.target);
  const kindKey = `auditTarget.${kind}`;
  if (id === undefined || !has(kindKey)) return e.target;
  const caseNo = kind === 'case' && typeof e.details.caseNo === 'string' ? e.details.caseNo : undefined;
  return `${say(lang, kindKey)} ${labels[e.target] ?? caseNo ?? id}`;
}

/** CO47: the details in words, `Fair: CF140 · 第140届广交会; Reason: 平板遗失`; unknown keys as written. */
export function detailsText(e: AuditEntry, labels: Readonly<Record<string, string>>, lang: Language): string {
  return Object.entries(e.details)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => {
      const name = `auditDetail.${k}`;
      return say(lang, 'auditDetail.pair', { name: has(name) ? say(lang, name) : k, value: valueText(e, k, v, labels, lang) });
    })
    .join(say(lang, 'auditDetail.join'));
}

function valueText(e: AuditEntry, key: string, v: AuditEntry['details'][string], labels: Readonly<Record<string, string>>, lang: Language): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return say(lang, v ? 'auditValue.true' : 'auditValue.false');
  if (typeof v === 'number') return String(v);
  if (key === 'fairId') return labels[`fair:${v}`] ?? v;
  if (key === 'role') {
    // An enrolment code names a tablet's role; an account change a person's.
    const role = e.action === 'enrolment_created' ? `deviceRole.${v}` : `staffRole.${v}`;
    return has(role) ? say(lang, role) : v;
  }
  if (INSTANT.test(v)) return dateTime(v);
  const word = `auditValue.${v}`;
  return (key === 'result' || key === 'stands') && has(word) ? say(lang, word) : v;
}
