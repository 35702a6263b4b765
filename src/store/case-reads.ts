import type { Case } from '../domain/case/case';
import { Respondent } from '../domain/case/commands';
import type { CommandType, PayloadOf } from '../domain/case/commands';
import { allowedCommands } from '../domain/case/decide';
import type { Allowed } from '../domain/case/decide';
import type { CaseEvent } from '../domain/case/events';
import type { Actor } from '../domain/case/events';
import { causalOrder } from '../domain/case/fold';
import { intakeFacts, partyKey } from '../domain/case/intake';
import type { CaseFlag } from '../domain/codes';
import { isWeakKey } from '../domain/exhibitor';
import type { ExhibitorKey } from '../domain/exhibitor';
import { tickHlc } from '../domain/hlc';
import type { CaseId, ComplaintId, DeviceId, FairId } from '../domain/ids';
import { IpRight, rightKey } from '../domain/ip-right';
import { Party } from '../domain/party';
import { normaliseText } from '../domain/text';
import type { Instant } from '../domain/time';
import { instantToMs } from '../domain/time';
import { ChecklistItem } from '../domain/case/checklist';
import { getDb } from './db';
import { intakeHistory } from './case-history';
import { fromRecord } from './case-rows';
import type { CaseRow } from './case-rows';
import type { ComplaintInput } from './complaint-write';

/** Case reads: plain promises the app wraps with `createLiveQuery`. */

export async function getCase(id: CaseId | string): Promise<Case | undefined> {
  const r = await getDb().cases.get(id);
  return r === undefined ? undefined : fromRecord(r);
}

/** The cases of one complaint (CN4), by case number. */
export async function listComplaintCases(complaintId: ComplaintId | string): Promise<Case[]> {
  const rows = await getDb().cases.where('complaintId').equals(complaintId).toArray();
  return rows.map(fromRecord).sort((a, b) => (a.caseNo < b.caseNo ? -1 : 1));
}

/** The case's timeline: its events in fold order (CS5), each with actor, device and time. */
export async function caseEvents(caseId: CaseId | string): Promise<CaseEvent[]> {
  const items = await getDb().items.where('entityId').equals(caseId).toArray();
  const events = items.filter((i) => i.kind === 'case_event').map((i) => i.payload as CaseEvent);
  return causalOrder(events);
}

/**
 * The board's rows of one fair (P3: a flat table, no folding). A tablet usually holds one fair:
 * then the whole table is read in primary-key order, which Chromium serves faster than the same
 * rows through the `fairId` index (two counts decide, a few ms).
 */
export async function listCaseRows(fairId: FairId | string): Promise<CaseRow[]> {
  const db = getDb();
  return db.transaction('r', db.caseRows, async () => {
    const [all, mine] = await Promise.all([db.caseRows.count(), db.caseRows.where('fairId').equals(fairId).count()]);
    return all === mine ? db.caseRows.toArray() : db.caseRows.where('fairId').equals(fairId).toArray();
  });
}

const fold = (text: string): string => normaliseText(text).toUpperCase().replace(/[-\s]/g, '');

/** Rows whose case number, booth, party name or key (USCC) contains `text` (hyphens, case, width ignored). */
export async function findCases(fairId: FairId | string, text: string, limit = 100): Promise<CaseRow[]> {
  const q = fold(text);
  const rows = await listCaseRows(fairId);
  if (q === '') return rows.slice(0, limit);
  const out: CaseRow[] = [];
  for (const r of rows) {
    const hay = fold([r.caseNo, r.booth, r.complainant, r.respondent, r.complainantKey, r.respondentKey ?? ''].join('\u0001'));
    if (hay.includes(q)) out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}

/** A placeholder device for read-only checks: no event is made. */
const READER = '00000000000000000000000000' as DeviceId;

/**
 * For every command: allowed now, or the DomainError that disables it (the detail screen shows
 * the reason). `undefined` when the case or its fair is unknown here.
 */
export async function allowedActions(caseId: CaseId | string, actor: Actor, now: Instant): Promise<Readonly<Record<CommandType, Allowed>> | undefined> {
  const db = getDb();
  const record = await db.cases.get(caseId);
  if (record === undefined) return undefined;
  const fair = await db.fairs.get(record.fairId);
  if (fair === undefined) return undefined;
  return allowedCommands(fromRecord(record), { fair, now, actor, deviceId: READER, hlc: tickHlc(undefined, instantToMs(now), READER) });
}

/** An earlier case behind a flag, for the desk to show before saving. */
export interface FlagMatch {
  readonly flag: CaseFlag;
  readonly caseId: CaseId;
  readonly caseNo: string;
  readonly fairId: FairId;
  readonly state: Case['state'];
  readonly outcome?: Case['outcome'];
}

export interface IntakePreview {
  readonly respondentIndex: number;
  readonly flags: readonly CaseFlag[];
  readonly matches: readonly FlagMatch[];
}

type Draft = Partial<Omit<ComplaintInput, 'respondents'>> & { readonly respondents?: readonly unknown[] };

/** The parts of a half-filled form the RP checks can read; what does not parse yet is left out. */
function readable(input: Draft, fairCountry: string): { complainant: Party; rights: IpRight[]; checklist: ChecklistItem[] } {
  const complainant = Party.safeParse(input.complainant);
  const rights = (input.rights ?? []).map((r) => IpRight.safeParse(r)).flatMap((r) => (r.success ? [r.data] : []));
  const checklist = (input.checklist ?? []).map((c) => ChecklistItem.safeParse(c)).flatMap((r) => (r.success ? [r.data] : []));
  // An unreadable complainant matches no one (its key is a NUL name).
  const nobody = { role: 'complainant', kind: 'person', name: '\u0000', country: fairCountry, phone: '+8613800000000' } as Party;
  return { complainant: complainant.success ? complainant.data : nobody, rights, checklist };
}

/**
 * The RP flags each respondent's case would get (RP1, RP4–RP6, CM3), with the earlier cases
 * behind them: the same checks `recordComplaint` runs, nothing written. Works on a half-filled
 * form: respondents that do not parse yet are skipped.
 */
export async function previewIntakeFlags(input: Draft): Promise<IntakePreview[]> {
  const db = getDb();
  const fair = input.fairId === undefined ? undefined : await db.fairs.get(input.fairId);
  if (fair === undefined) return [];
  const { complainant, rights, checklist } = readable(input, fair.settings.country);
  const respondents = (input.respondents ?? []).map((r, i) => ({ i, r: Respondent.safeParse(r) }));
  const valid = respondents.flatMap(({ i, r }) => (r.success ? [{ i, respondent: r.data }] : []));
  const history = await intakeHistory(db, fair, complainant, valid.map((v) => v.respondent));
  const cKey = partyKey(complainant);
  const rKeys = new Set(rights.map(rightKey));
  return valid.map(({ i, respondent }) => {
    const payload = { ...input, fairId: fair.id, complainant, rights, checklist, respondent, agent: input.agent } as unknown as PayloadOf<'Submit'>;
    const { flags } = intakeFacts(payload, fair, history);
    const key = respondent.exhibitorKey;
    const triple = (h: Case): boolean =>
      key !== undefined && h.respondent.exhibitorKey === key && partyKey(h.complainant) === cKey && h.rights.some((r) => rKeys.has(rightKey(r)));
    const strong = key !== undefined && !isWeakKey(key as ExhibitorKey);
    const matches: FlagMatch[] = [];
    for (const h of history.cases) {
      const why: CaseFlag[] = [];
      if (h.fairId === fair.id && h.outcome !== 'NOT_ACCEPTED' && triple(h)) why.push('DUPLICATE');
      if (strong && h.fairId === fair.previousFairId && h.opinion !== undefined && triple(h)) why.push('PRIOR_SESSION');
      if (strong && h.respondent.exhibitorKey === key && h.opinion?.conclusion === 'ESTABLISHED_ALLEGED') why.push('REPEAT_RESPONDENT');
      if (h.fairId === fair.id && h.opinion?.conclusion === 'NOT_ESTABLISHED' && partyKey(h.complainant) === cKey) why.push('FREQUENT_COMPLAINANT');
      for (const flag of why) {
        if (!flags.includes(flag)) continue;
        matches.push({ flag, caseId: h.id, caseNo: h.caseNo, fairId: h.fairId, state: h.state, ...(h.outcome === undefined ? {} : { outcome: h.outcome }) });
      }
    }
    return { respondentIndex: i, flags, matches };
  });
}
