import type { Case } from '../domain/case/case';
import type { DeviceCode } from '../domain/case/case-number';
import type { Fair } from '../domain/fair';
import { CaseCommand } from '../domain/case/commands';
import type { CaseCommandInput } from '../domain/case/commands';
import { decide } from '../domain/case/decide';
import { Actor } from '../domain/case/events';
import type { CaseEvent } from '../domain/case/events';
import { evolve } from '../domain/case/evolve';
import { stampOfTime, tickHlc } from '../domain/hlc';
import type { CaseId, ComplaintId } from '../domain/ids';
import { err } from '../domain/result';
import type { Instant } from '../domain/time';
import { instantToMs } from '../domain/time';
import type { FairCaseDb } from './db';
import { getDb } from './db';
import { intakeHistory } from './case-history';
import { fromRecord } from './case-rows';
import { CASE_TABLES, putCases } from './case-summaries';
import { ComplaintInput, fileComplaints, repeatedRespondents } from './complaint-write';
import type { Filed } from './complaint-write';
import { newId } from './ids';
import { StoreFailure, invalid, parseInput, refused } from './result';
import type { StoreResult } from './result';
import { fail, inWrite, runWrite } from './transaction';
import { appendItems, logState, noted, receiveStamps } from './local-log';
import type { ItemStamp } from './local-log';

/**
 * Case writes (case/SPEC.md CS8–CS30): every action is ONE transaction writing the case, its board
 * row, its event (an item) and the outbox row. The case machine (`decide`, `evolve`) says what
 * is allowed; a DomainError comes back as `{ kind: 'invalid', domain }` and writes nothing.
 */

export { ComplaintInput } from './complaint-write';
export type { Filed } from './complaint-write';
export type { CaseRow } from './case-rows';
export { allowedActions, caseEvents, findCases, getCase, listCaseRows, listComplaintCases, previewIntakeFlags } from './case-reads';
export type { FlagMatch, IntakePreview } from './case-reads';

/** The tables a complaint touches besides the log. */
export const COMPLAINT_TABLES = ['fairs', 'device', ...CASE_TABLES, 'commitments', 'commitmentPages'] as const;

function deskOf(db: FairCaseDb, fairId: string): Promise<{ fair: Fair; shortCode: DeviceCode }> {
  // A Dexie promise (inWrite): the caller writes on in the same transaction after awaiting it.
  return inWrite(async () => {
    const [fair, device] = await Promise.all([db.fairs.get(fairId), db.device.get('this')]);
    if (fair === undefined) fail('not-found', `fair ${fairId}`);
    // CN1: the case number carries the device's short code, so the device must be set up first.
    if (device === undefined) fail('not-found', 'device not set up');
    return { fair, shortCode: device.shortCode };
  });
}

/**
 * Files a complaint: one case per respondent sharing `complaintId` (CN4), each numbered from the
 * device's per-fair sequence in this transaction (CN2), its Submit decided with the intake
 * history (RP1, RP4–RP6, CM3 flags).
 */
export async function recordComplaint(input: ComplaintInput, actor: Actor, now: Instant): Promise<StoreResult<Filed>> {
  const parsed = parseInput(ComplaintInput, input);
  if (!parsed.ok) return parsed;
  const who = parseInput(Actor, actor);
  if (!who.ok) return err({ ...who.error, fields: (who.error.fields ?? []).map((f) => ({ ...f, field: `actor.${f.field}` })) });
  const complaint = parsed.value;
  const twice = repeatedRespondents(complaint);
  if (twice.length > 0) return err(invalid(twice));
  return runWrite(
    COMPLAINT_TABLES,
    async (db) => {
      const { fair, shortCode } = await deskOf(db, complaint.fairId);
      const history = await intakeHistory(db, fair, complaint.complainant, complaint.respondents);
      const [filed] = await fileComplaints(db, { fair, shortCode, actor: who.value, now }, [complaint], () => history);
      if (filed === undefined) throw new Error('fileComplaints: one result per complaint');
      return filed;
    },
    { now },
  );
}

/** CN4: where a phone filing's complaint is remembered, so a second scan files nothing. */
const phoneFilingKey = (filingId: string): string => `phoneFiling|${filingId}`;

interface PhoneFilingRow {
  readonly complaintId: ComplaintId;
  readonly caseIds: readonly CaseId[];
}

export interface Imported extends Filed {
  /** True when this phone filing was recorded before: nothing was written now. */
  readonly already: boolean;
}

/** The complaint a phone filing was recorded as, if it was (the desk shows it before confirming). */
export async function phoneFilingOf(filingId: string): Promise<PhoneFilingRow | undefined> {
  const row = await getDb().meta.get(phoneFilingKey(filingId));
  return row?.value as PhoneFilingRow | undefined;
}

/**
 * A complaint handed over from the filer's phone (CN4, wire/QR-SPEC.md; channel `phone_qr`): the same
 * write as `recordComplaint`, plus the phone's filing id remembered in `meta` in the same
 * transaction, so scanning the same filing twice creates nothing new (`already: true`).
 * `seenAt` is the time the payload carries (the phone's filing time, the server's receipt of an
 * online draft): the clock receives it first, so the case is stamped after it (SY12).
 */
export async function importComplaint(filingId: string, input: ComplaintInput, actor: Actor, now: Instant, seenAt?: Instant): Promise<StoreResult<Imported>> {
  const parsed = parseInput(ComplaintInput, input);
  if (!parsed.ok) return parsed;
  const who = parseInput(Actor, actor);
  if (!who.ok) return err({ ...who.error, fields: (who.error.fields ?? []).map((f) => ({ ...f, field: `actor.${f.field}` })) });
  const complaint = parsed.value;
  const twice = repeatedRespondents(complaint);
  if (twice.length > 0) return err(invalid(twice));
  return runWrite(
    COMPLAINT_TABLES,
    async (db) => {
      const key = phoneFilingKey(filingId);
      const seen = (await db.meta.get(key))?.value as PhoneFilingRow | undefined;
      if (seen !== undefined) {
        const records = await db.cases.bulkGet([...seen.caseIds]);
        return { complaintId: seen.complaintId, cases: records.filter((r) => r !== undefined).map(fromRecord), already: true };
      }
      if (seenAt !== undefined) await receiveStamps(db, [stampOfTime(instantToMs(seenAt), instantToMs(now))], now);
      const { fair, shortCode } = await deskOf(db, complaint.fairId);
      const history = await intakeHistory(db, fair, complaint.complainant, complaint.respondents);
      const [filed] = await fileComplaints(db, { fair, shortCode, actor: who.value, now }, [complaint], () => history);
      if (filed === undefined) throw new Error('fileComplaints: one result per complaint');
      const row: PhoneFilingRow = { complaintId: filed.complaintId, caseIds: filed.cases.map((c) => c.id) };
      await db.meta.put({ key, value: row });
      return { ...filed, already: false };
    },
    { now },
  );
}

/** A case command as the screen gives it: the domain command without its ids (the store makes them). */
export type CaseCommandFields = CaseCommandInput extends infer C ? (C extends unknown ? Omit<C, 'caseId' | 'eventId'> : never) : never;

/**
 * One case action: load the case, `decide` with its fair and this device's clock, `evolve`, and
 * write case + board row + event + outbox together. A system command already applied (CS3)
 * changes nothing and writes nothing.
 */
export async function applyCaseCommand(caseId: CaseId | string, command: CaseCommandFields, actor: Actor, now: Instant): Promise<StoreResult<Case>> {
  const parsed = parseInput(CaseCommand, { ...command, caseId, eventId: newId() });
  if (!parsed.ok) return parsed;
  const who = parseInput(Actor, actor);
  if (!who.ok) return who;
  const cmd = parsed.value;
  return runWrite(
    ['fairs', ...CASE_TABLES],
    async (db) => {
      const record = await db.cases.get(cmd.caseId);
      if (record === undefined) fail('not-found', `case ${cmd.caseId}`);
      const fair = await db.fairs.get(record.fairId);
      if (fair === undefined) fail('not-found', `fair ${record.fairId}`);
      const c = fromRecord(record);
      // Decided first with the next stamp the log will give, so a refusal writes nothing.
      const log = await logState(db);
      const ctx = { fair, now, actor: who.value, deviceId: log.deviceId, hlc: tickHlc(log.hlc, instantToMs(now), log.deviceId) };
      const decided = decide(c, cmd, ctx);
      if (!decided.ok) throw new StoreFailure(refused(decided.error));
      const [event] = decided.value;
      if (event === undefined) return c;
      let next = c;
      await appendItems(
        db,
        [
          {
            kind: 'case_event',
            entityId: c.id,
            fairId: c.fairId,
            // The item is the event: same id and HLC.
            build: (s: ItemStamp): CaseEvent => {
              const stamped = noted({ ...event, id: s.id, deviceId: s.deviceId, hlc: s.hlc }, s);
              next = evolve(c, stamped);
              return stamped;
            },
          },
        ],
        now,
        () => putCases(db, [next]),
      );
      return next;
    },
    { now },
  );
}
