import type { Actor } from '../domain/case/events';
import type { FairId, UserId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { addMinutes } from '../domain/time';
import { usccCheckChar } from '../domain/validators/uscc';
import { ComplaintInput, fileComplaints } from './complaint-write';
import type { ComplaintInput as ComplaintFields, FollowUp, ParsedComplaint } from './complaint-write';
import { newId } from './ids';
import type { StoreResult } from './result';
import { fail, runWrite } from './transaction';
import { CASE_TABLES } from './case-summaries';

/**
 * Cases in bulk for tests and benches (the P3 board needs 10,000): the same domain path as the
 * desk (number, `decide`, `evolve`, case + board row + event items + outbox), but hundreds of
 * complaints per transaction instead of one. The intake history is not read (no RP flags).
 */

export const SEED_HALLS = ['1.1', '1.2', '2.1', '2.2'] as const;
const SIGNATURE = '01JSEED0000000000000000S1G';

export interface SeedOptions {
  /** Complaints per transaction. */
  readonly batch?: number;
  /** Moves some cases on: every 4th (from the 2nd) to INCOMPLETE, every 4th (from the 3rd) rejected (CLOSED). */
  readonly mixStates?: boolean;
  /** Put on the rejecting expert's events (and so on those cases' `experts`). */
  readonly expertId?: UserId | string;
  readonly clerkId?: UserId | string;
}

const usccOf = (n: number): string => {
  const body = `9144030000${String(n % 10_000_000).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

/** Complaint i of a seeded fair: one respondent, rights of a few types, no evidence. */
export function seedComplaint(fairId: FairId | string, i: number, receivedAt: Instant): ComplaintFields {
  const hall = SEED_HALLS[i % SEED_HALLS.length] ?? '1.1';
  const right =
    i % 3 === 0
      ? { type: 'invention', number: 'ZL201710601862.3' }
      : i % 3 === 1
        ? { type: 'trademark', number: String(1000 + (i % 900_000)), niceClasses: [9 + (i % 30)] }
        : { type: 'copyright', number: `国作登字-2024-F-${String(i).padStart(8, '0')}` };
  return {
    fairId,
    channel: 'desk',
    receivedAt,
    complainant: { role: 'complainant', kind: 'person', name: `投诉人${i % 97} Holder ${i % 97}`, country: 'CN', phone: '13800138000' },
    respondents: [{ exhibitorKey: `CN:${usccOf(i)}`, name: `被投诉公司${i}`, booth: { hall, stand: `A${String(i % 100_000).padStart(4, '0')}` } }],
    rights: [{ ...right, title: `权利${i}`, holder: `投诉人${i % 97}`, jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' }],
    accusedItems: [{ description: `被控产品 ${i}`, evidenceIds: [] }],
    signatureEvidenceId: SIGNATURE,
  } as ComplaintFields;
}

/** The follow-up of complaint i, when `mixStates`: a supplement request or a rejection. */
function followUp(i: number, clerk: Actor, expert: Actor): FollowUp | undefined {
  if (i % 4 === 1) return { command: { type: 'RequestSupplement', payload: {} }, actor: clerk };
  if (i % 4 === 2) return { command: { type: 'Reject', payload: { reason: 'NR_OTHER', text: '非本展会展品' } }, actor: expert };
  return undefined;
}

/**
 * Files `count` seeded complaints for the fair on this device (set up first: its short code
 * numbers the cases), `batch` per transaction. Returns how many cases were made.
 */
export async function seedCases(fairId: FairId | string, count: number, now: Instant, options: SeedOptions = {}): Promise<StoreResult<{ cases: number }>> {
  const batch = Math.max(1, options.batch ?? 500);
  const clerk: Actor = { role: 'clerk', ...(options.clerkId === undefined ? {} : { userId: options.clerkId as UserId }) };
  const expert: Actor = { role: 'expert', userId: (options.expertId ?? newId()) as UserId };
  let made = 0;
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const complaints: ParsedComplaint[] = [];
    for (let k = 0; k < size; k++) {
      const parsed = ComplaintInput.safeParse(seedComplaint(fairId, start + k, addMinutes(now, -(start + k) / 10)));
      if (!parsed.success) return { ok: false, error: { kind: 'invalid', detail: parsed.error.message } };
      complaints.push(parsed.data);
    }
    const r = await runWrite(
      ['fairs', 'device', ...CASE_TABLES, 'commitments', 'commitmentPages'],
      async (db) => {
        const [fair, device] = await Promise.all([db.fairs.get(fairId), db.device.get('this')]);
        if (fair === undefined) fail('not-found', `fair ${fairId}`);
        if (device === undefined) fail('not-found', 'device not set up');
        const mix = options.mixStates === true;
        const filed = await fileComplaints(db, { fair, shortCode: device.shortCode, actor: clerk, now }, complaints, () => undefined, (k) =>
          mix ? followUp(start + k, clerk, expert) : undefined,
        );
        return filed.reduce((n, f) => n + f.cases.length, 0);
      },
      { now },
    );
    if (!r.ok) return r;
    made += r.value;
  }
  return { ok: true, value: { cases: made } };
}
