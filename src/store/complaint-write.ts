import { z } from 'zod';
import type { Case } from '../domain/case/case';
import { formatCaseNumber } from '../domain/case/case-number';
import type { DeviceCode } from '../domain/case/case-number';
import { Respondent, SubmitPayload } from '../domain/case/commands';
import type { CaseCommand } from '../domain/case/commands';
import { decide } from '../domain/case/decide';
import type { Actor, CaseEvent } from '../domain/case/events';
import { evolve } from '../domain/case/evolve';
import { submitsForFiling } from '../domain/case/intake';
import type { Filing, IntakeHistory, Numbered } from '../domain/case/intake';
import type { Fair } from '../domain/fair';
import type { CaseId, ComplaintId, EventId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { boothKey } from '../domain/validators/booth';
import type { FairCaseDb } from './db';
import { putCases } from './case-summaries';
import { newId } from './ids';
import { flagSharedNumbers } from './shared-numbers';
import { StoreFailure, refused } from './result';
import { fail, inWrite } from './transaction';
import { appendItems, noted } from './local-log';
import type { ItemStamp } from './local-log';

/**
 * The complaint write shared by `recordComplaint` and the bulk seeder: number each respondent's
 * case from the device's per-fair sequence (CN2), `decide` its Submit with the intake history,
 * `evolve` it, and write cases, board rows, events (items + outbox) and the sequence together.
 */

/** The complaint as the desk files it: a Submit without its numbers, for ≥ 1 respondents (CN4). */
export const ComplaintInput = SubmitPayload.omit({ caseNo: true, complaintId: true, respondent: true }).extend({
  respondents: z.array(Respondent).min(1).max(20),
});
export type ComplaintInput = z.input<typeof ComplaintInput>;
export type ParsedComplaint = z.output<typeof ComplaintInput>;

/** CN2: the device's last case number per fair, in `meta`, moved in the case's own transaction. */
export const caseSeqKey = (fairId: string): string => `caseSeq|${fairId}`;

/** Same respondent twice in one complaint (by key, else by booth): one case each would be a duplicate. */
export function repeatedRespondents(c: ParsedComplaint): { field: string; code: string; params: Record<string, number> }[] {
  const seen = new Map<string, number>();
  const out: { field: string; code: string; params: Record<string, number> }[] = [];
  c.respondents.forEach((r, i) => {
    const id = r.exhibitorKey ?? `booth:${boothKey(r.booth)}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else out.push({ field: `respondents.${i}`, code: 'DUPLICATE_VALUE', params: { row: first } });
  });
  return out;
}

export interface DeskContext {
  readonly fair: Fair;
  readonly shortCode: DeviceCode;
  readonly actor: Actor;
  readonly now: Instant;
}

export interface Filed {
  readonly complaintId: ComplaintId;
  readonly cases: Case[];
}

/** A command to apply right after filing, in the same transaction (the bulk seeder's states). */
export interface FollowUp {
  readonly command: Omit<CaseCommand, 'eventId' | 'caseId'>;
  readonly actor: Actor;
}

/**
 * Files complaints inside the caller's transaction (over fairs, device, `CASE_TABLES`,
 * commitments and the log tables). `historyOf(i)` gives complaint i's intake history;
 * `followUp(i)` an optional command for complaint i's cases, decided on the filed case.
 * It returns a Dexie promise (`inWrite`), so the caller may go on writing in the same action.
 */
export function fileComplaints(
  db: FairCaseDb,
  desk: DeskContext,
  complaints: readonly ParsedComplaint[],
  historyOf: (i: number) => IntakeHistory | undefined,
  followUp?: (i: number) => FollowUp | undefined,
): Promise<Filed[]> {
  return inWrite(() => fileNow(db, desk, complaints, historyOf, followUp));
}

async function fileNow(
  db: FairCaseDb,
  desk: DeskContext,
  complaints: readonly ParsedComplaint[],
  historyOf: (i: number) => IntakeHistory | undefined,
  followUp?: (i: number) => FollowUp | undefined,
): Promise<Filed[]> {
  const { fair, actor, now } = desk;
  const seqKey = caseSeqKey(fair.id);
  let seq = ((await db.meta.get(seqKey))?.value as number | undefined) ?? 0;
  const filings = complaints.map((c) => {
    if (c.fairId !== fair.id) fail('invalid', `complaint for fair ${c.fairId} filed in ${fair.id}`);
    const complaintId = newId() as ComplaintId;
    const numbered: Numbered[] = c.respondents.map(() => {
      seq += 1;
      return {
        caseId: newId() as CaseId,
        eventId: newId() as EventId,
        caseNo: formatCaseNumber({ fair: fair.code, device: desk.shortCode, seq }),
      };
    });
    const filing: Filing = { ...c, complaintId };
    const submits = submitsForFiling(filing, numbered);
    if (!submits.ok) throw new StoreFailure(refused(submits.error));
    return { complaintId, submits: submits.value };
  });
  // Cases by id, in filing order; a follow-up replaces its case with the evolved one.
  const cases = new Map<CaseId, Case>();
  const decided = (r: ReturnType<typeof decide>): CaseEvent => {
    if (!r.ok) throw new StoreFailure(refused(r.error));
    const [event] = r.value;
    if (event === undefined) throw new Error('decide: one event expected');
    return event;
  };
  const submitItems = filings.flatMap(({ submits }, i) =>
    submits.map((command) => ({
      kind: 'case_event' as const,
      entityId: command.caseId,
      fairId: fair.id,
      // The event is the item: same id, same HLC, decided once the numbers are known.
      build: (stamp: ItemStamp): CaseEvent => {
        const event = noted(decided(decide(undefined, { ...command, eventId: stamp.id }, { fair, now, actor, deviceId: stamp.deviceId, hlc: stamp.hlc, history: historyOf(i) })), stamp);
        cases.set(command.caseId, evolve(undefined, event));
        return event;
      },
    })),
  );
  // Numbered after every Submit: `build` runs in order, so the filed case exists by then.
  const followItems = filings.flatMap(({ submits }, i) => {
    const next = followUp?.(i);
    if (next === undefined) return [];
    return submits.map((command) => ({
      kind: 'case_event' as const,
      entityId: command.caseId,
      fairId: fair.id,
      build: (stamp: ItemStamp): CaseEvent => {
        const c = cases.get(command.caseId);
        const cmd = { ...next.command, caseId: command.caseId, eventId: stamp.id } as CaseCommand;
        const event = noted(decided(decide(c, cmd, { fair, now, actor: next.actor, deviceId: stamp.deviceId, hlc: stamp.hlc })), stamp);
        cases.set(command.caseId, evolve(c, event));
        return event;
      },
    }));
  });
  await appendItems(db, [...submitItems, ...followItems], now, () => {
    // SY34: a number a pulled case already holds (one device code given twice) flags both cases
    // instead of refusing the filing: the desk goes on working.
    return flagSharedNumbers(db, [...cases.values()]).then((all) =>
      Promise.all([putCases(db, all), db.meta.put({ key: seqKey, value: seq })]),
    );
  });
  return filings.map(({ complaintId, submits }) => ({
    complaintId,
    cases: submits.map((s) => cases.get(s.caseId)).filter((c): c is Case => c !== undefined),
  }));
}
