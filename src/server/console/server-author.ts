import { ulid } from 'ulidx';
import type { AuditAction } from '../../domain/wire/console-audit';
import type { Hlc } from '../../domain/hlc';
import type { RecordKind, SyncItem } from '../../domain/sync-item';
import { instantFromMs } from '../../domain/time';
import { contentHash } from '../storage/content-hash';
import { bulkUlid } from '../storage/bulk-ulid';
import { pickDeviceCode } from '../storage/device-codes';
import { chainLinks } from '../storage/event-chain';
import { planPush } from '../storage/push-plan';
import { readPushState, writePush } from '../storage/push-sql';
import type { SqlRunner } from '../storage/sql';
import type { PayloadProblem } from '../../domain/wire/payload-parsers';
import { audit, type Actor } from './audit';

/** Items a statement of `writeServerItems` writes at most. */
const PART_ITEMS = 2_000;

/** One record the server writes as an item of its own device of the fair. */
export interface AuthoredDraft {
  readonly kind: RecordKind;
  readonly entityId: string;
  readonly payload: unknown;
  readonly hlc: Hlc;
  /** The item's id when the record has its own (a case event's id, as tablets send it); else a new one. */
  readonly id?: string;
}

export interface AuthoredAudit {
  readonly actor: Actor;
  readonly action: AuditAction;
  readonly target: string;
  readonly details: (items: readonly SyncItem[]) => Record<string, string | number | boolean | null>;
}

export interface Authored {
  readonly deviceId: string;
  readonly items: readonly SyncItem[];
  /** The server sequence of the first item (the rest follow it). */
  readonly firstServerSeq: number;
}

/**
 * CO17: the console's records are items of the log, authored by the server's own device of the
 * fair, so tablets take them by pull like any other. `drafts` gets that device's id (its clock's
 * node) and returns the records. They go through the push path's own plan and write: new ids
 * (SY1), the device's next sequences (SY2), stored with their sequence, acknowledgement and chain
 * links in one statement (SY3, SY8). The author row is locked first, so two organizers' writes
 * to one fair take turns instead of racing the compare-and-set; the audit row commits in the same
 * transaction `tx` (CO16).
 */
export async function writeServerItems(
  tx: SqlRunner,
  fairId: string,
  drafts: (deviceId: string) => readonly AuthoredDraft[] | Promise<readonly AuthoredDraft[]>,
  record: AuthoredAudit,
  nowMs: number,
  /** The plan's payload check (push-plan.ts): a caller that has just parsed the payloads (CO23) may pass a cheaper one. */
  check?: (item: SyncItem) => PayloadProblem | undefined,
): Promise<Authored> {
  const deviceId = await serverDeviceOf(tx, fairId);
  const state = await readPushState(tx, deviceId, fairId, []);
  if (state === undefined) throw new Error('the fair author device is missing');
  const at = instantFromMs(nowMs);
  // Built here from parsed parts (ids, stamp, sequence): nothing to parse again; the plan checks each payload.
  const items = (await drafts(deviceId)).map(
    (d, i): SyncItem => ({ id: (d.id ?? bulkUlid(nowMs)) as SyncItem['id'], fairId: fairId as SyncItem['fairId'], deviceId: deviceId as SyncItem['deviceId'], seq: state.startAck + 1 + i, hlc: d.hlc, at, kind: d.kind, entityId: d.entityId, payload: d.payload }),
  );
  // A large change (CO23's imports) goes in parts of `PART_ITEMS`, each one compare-and-set from
  // the acknowledgement the part before left: still one transaction, so all or nothing (SY3), and
  // the first part's counter update holds the counter's row lock to the commit, so the parts'
  // server sequences follow one another. Parts keep each statement's parameter list bounded.
  // A part's plan, chain links and parameters need only the part before's plan, not its answer:
  // they are made while the database writes that part, and the statements still run one at a time.
  const inOrder = oneAtATime(tx);
  const writes: Promise<number | undefined>[] = [];
  try {
    let ack = state.startAck;
    let head = state.head;
    for (let i = 0; i === 0 || i < items.length; i += PART_ITEMS) {
      const part = items.slice(i, i + PART_ITEMS);
      const plan = planPush(fairId, part, part.map(contentHash), ack, state.known, check);
      if (plan.fresh.length !== part.length) throw new Error(`server items not applied: ${JSON.stringify(plan.drafts.filter((d) => d.status !== 'applied').slice(0, 3))}`);
      const links = chainLinks(head, deviceId, plan.fresh);
      writes.push(writePush(inOrder, deviceId, fairId, ack, plan, links, state.attestKey));
      ack = plan.ackedSeq;
      head = links.at(-1) ?? head;
      // Lets the part go out (and an answered one's successor) before the next is made.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    // Every statement sent is answered before the transaction goes on (or rolls back).
    await Promise.allSettled(writes);
  }
  const bases = await Promise.all(writes);
  if (bases.some((b) => b === undefined)) throw Object.assign(new Error('server write raced'), { code: '40001' });
  bases.forEach((base, k) => {
    const expected = (bases[0] as number) + k * PART_ITEMS;
    if (base !== expected) throw new Error(`server items out of sequence: ${String(base)} where ${expected} was due`);
  });
  const first = bases[0];
  await audit(tx, record.actor, record.action, record.target, record.details(items), nowMs);
  return { deviceId, items, firstServerSeq: (first ?? 0) + 1 };
}

/** `tx`, sending each statement only once the one before has been answered (SY3: one transaction; PGlite's takes one at a time). */
function oneAtATime(tx: SqlRunner): SqlRunner {
  let previous: Promise<unknown> = Promise.resolve();
  const queue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = previous.then(run, run);
    previous = next.catch(() => undefined);
    return next;
  };
  return { query: (text, params) => queue(() => tx.query(text, params)), exec: (script) => queue(() => tx.exec(script)) };
}

/**
 * The server's own device of the fair, made at its first write: a devices row with a code picked
 * as at enrolment (SY31) and no token, so nobody can act as it. Returned with its row locked.
 */
export async function serverDeviceOf(tx: SqlRunner, fairId: string): Promise<string> {
  const [row] = await tx.query<{ device_id: string }>('select device_id from console_fair_authors where fair_id = $1 for update', [fairId]);
  if (row !== undefined) return row.device_id;
  const deviceId = ulid();
  const code = await pickDeviceCode(tx, fairId, deviceId, undefined);
  if (code === undefined) throw new Error('no device code left for the fair author');
  await tx.query('insert into devices (id, fair_id, code, name, role) values ($1, $2, $3, $4, $5)', [deviceId, fairId, code, 'FairCase server', 'desk']);
  await tx.query('insert into device_acks (device_id) values ($1)', [deviceId]);
  await tx.query('insert into console_fair_authors (fair_id, device_id) values ($1, $2)', [fairId, deviceId]);
  // Taken again with its lock, so a racing first write waits here rather than making a second author.
  await tx.query('select device_id from console_fair_authors where fair_id = $1 for update', [fairId]);
  return deviceId;
}
