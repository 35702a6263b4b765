import { codeMessages } from '../../../app/i18n/codes.messages';
import type { PairedMessages } from '../../../app/i18n/paired';
import { caseDetailMessages } from '../../../app/screens/case-detail/case-detail.messages';
import type { ReviewEvent } from '../../../domain/wire/console-review';
import { locale } from '../../lib/i18n';

/**
 * The tablet's own words for the codes a case event carries (states, outcomes, reasons,
 * conclusions, review decisions), so the console says what the desk's timeline says.
 */
const DESK: PairedMessages = { ...codeMessages, ...caseDetailMessages };

export const deskWord = (key: string, fallback: string): string => DESK[key]?.[locale()] ?? fallback;

/** What an event decided, in words: its reason, conclusion, review decision, outcome or text. */
export function eventFacts(e: ReviewEvent): string {
  const f = e.facts;
  const parts: string[] = [];
  if (f.reason !== undefined) parts.push(e.type === 'Reject' ? deskWord(`reason.${f.reason}`, f.reason) : f.reason);
  if (f.conclusion !== undefined) parts.push(deskWord(`conclusion.${f.conclusion}`, f.conclusion));
  if (f.basis !== undefined) parts.push(deskWord(`basis.${f.basis}`, f.basis));
  if (f.decision !== undefined) parts.push(deskWord(`decision.${f.decision}`, f.decision));
  if (f.outcome !== undefined) parts.push(deskWord(`outcome.${f.outcome}`, f.outcome));
  for (const k of ['text', 'note', 'grounds', 'authorityName'] as const) if (f[k] !== undefined) parts.push(f[k]);
  return parts.join(' · ');
}
