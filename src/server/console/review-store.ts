import { ulid } from 'ulidx';
import type { Case } from '../../domain/case/case';
import { conflictBranches } from '../../domain/case/conflict-branches';
import { CaseEvent } from '../../domain/case/events';
import { causalOrder, fold } from '../../domain/case/fold';
import { resolutionEvent } from '../../domain/case/resolve-conflict';
import type { DeviceId, EventId, FairId } from '../../domain/ids';
import { instantFromMs, type Instant } from '../../domain/time';
import type {
  AcknowledgeRequest, ConflictCase, ConflictDecided, DecideRequest, ItemAcknowledged, ReviewEvent, ReviewQueue, SetAsideItem,
} from '../../domain/wire/console-review';
import type { SqlClient, SqlRunner } from '../storage/sql';
import type { Actor } from './audit';
import { audit } from './audit';
import { serverDeviceOf, writeServerItems } from './server-author';

const iso = (v: unknown): Instant => new Date(v as string).toISOString() as Instant;

/** At most this many set-aside items per list on the page, newest first. */
const ITEMS_SHOWN = 500;

/** The case's events as stored (pushes, bundles and the server's own decisions alike). */
async function caseEvents(db: SqlRunner, fairId: string, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const rows = await db.query<{ entity_id: string; payload: unknown }>(
    `select entity_id, payload from items where fair_id = $1 and kind = 'case_event'
       and entity_id in (select jsonb_array_elements_text($2::text::jsonb))`,
    [fairId, JSON.stringify(caseIds)],
  );
  const out = new Map<string, CaseEvent[]>();
  for (const r of rows) {
    const e = CaseEvent.safeParse(typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload);
    if (!e.success) continue;
    const list = out.get(r.entity_id);
    if (list === undefined) out.set(r.entity_id, [e.data]);
    else list.push(e.data);
  }
  return out;
}

/** The payload facts a reader needs to tell two branches apart, as strings the page words. */
function factsOf(e: CaseEvent): Record<string, string> {
  const p = e.payload as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const k of ['reason', 'conclusion', 'basis', 'decision', 'outcome', 'text', 'note', 'grounds', 'authorityName', 'stands'] as const) {
    if (typeof p[k] === 'string') out[k] = p[k];
  }
  return out;
}

const reviewEvent = (e: CaseEvent, codes: ReadonlyMap<string, string>): ReviewEvent =>
  ({ eventId: e.id, type: e.type, at: e.at, deviceId: e.deviceId, deviceCode: codes.get(e.deviceId) ?? null, role: e.actor.role, facts: factsOf(e) }) as ReviewEvent;

/**
 * CO19: the fair's cases flagged `CONFLICT` (CS5), each with the branch in effect and the events
 * set aside, who recorded them on which tablet and when. Only a case that more than one device
 * wrote to can fork, so only those are folded.
 */
export async function conflictCases(db: SqlRunner, fairId: string): Promise<ConflictCase[]> {
  const candidates = await db.query<{ entity_id: string }>(
    `select entity_id from items where fair_id = $1 and kind = 'case_event' group by entity_id having count(distinct device_id) > 1`,
    [fairId],
  );
  if (candidates.length === 0) return [];
  const [events, codes] = await Promise.all([caseEvents(db, fairId, candidates.map((r) => r.entity_id)), deviceCodes(db, fairId)]);
  const out: ConflictCase[] = [];
  for (const [, list] of events) {
    const c = fold(list);
    if (c === undefined || !c.flags.includes('CONFLICT')) continue;
    const branches = conflictBranches(c, causalOrder(list));
    const last = branches.common[branches.common.length - 1];
    out.push({
      caseId: c.id, caseNo: c.caseNo, respondent: c.respondent.name, booth: `${c.respondent.booth.hall}/${c.respondent.booth.stand}`,
      state: c.state, outcome: c.outcome ?? null,
      forkAfter: last === undefined ? null : reviewEvent(last, codes),
      applied: branches.applied.map((e) => reviewEvent(e, codes)),
      setAside: branches.setAside.map((e) => reviewEvent(e, codes)),
    } as ConflictCase);
  }
  return out.sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0));
}

async function deviceCodes(db: SqlRunner, fairId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; code: string }>('select id, code from devices where fair_id = $1', [fairId]);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** What the kept head of an item says of its kind and record, when it can be read. */
function headFacts(head: string): { kind: string | null; entityId: string | null } {
  try {
    const v = JSON.parse(head) as { kind?: unknown; entityId?: unknown };
    return { kind: typeof v.kind === 'string' ? v.kind : null, entityId: typeof v.entityId === 'string' ? v.entityId : null };
  } catch {
    // A head cut at its bound (SY63) is no JSON: the fields are read from the text.
    const kind = /"kind"\s*:\s*"([a-z_]{1,40})"/.exec(head)?.[1] ?? null;
    const entityId = /"entityId"\s*:\s*"([0-9A-Z]{26})"/.exec(head)?.[1] ?? null;
    return { kind, entityId };
  }
}

/** CO20: the items kept aside (refused, or the same id with other content), newest first, with any acknowledgement. */
export async function setAsideItems(db: SqlRunner, fairId: string): Promise<SetAsideItem[]> {
  const rows = await db.query<{
    list: 'rejected' | 'conflict'; key: string; item_id: string; device_id: string; code: string | null; received_at: unknown; item_head: string;
    device_code: string | null; acked_by_name: string | null; acked_at: unknown; note: string | null;
  }>(
    `select k.*, d.code as device_code, a.acked_by_name, a.acked_at, a.note from (
       (select 'rejected' as list, id as key, id as item_id, device_id, code, received_at, item_head, list_seq
        from rejected_items where fair_id = $1 order by list_seq desc limit $2)
       union all
       (select 'conflict', item_id || ':' || content_hash, item_id, device_id, null, received_at, item_head, list_seq
        from conflicts where fair_id = $1 order by list_seq desc limit $2)
     ) k
     left join devices d on d.id = k.device_id and d.fair_id = $1
     left join console_item_acks a on a.list = k.list and a.item_key = k.key
     order by k.received_at desc, k.list_seq desc`,
    [fairId, ITEMS_SHOWN],
  );
  return rows.map((r) => ({
    list: r.list, key: r.key, itemId: r.item_id, deviceId: r.device_id, deviceCode: r.device_code, receivedAt: iso(r.received_at), code: r.code,
    ...headFacts(r.item_head),
    acknowledged: r.acked_at === null || r.acked_at === undefined ? null : { by: r.acked_by_name, at: iso(r.acked_at), note: r.note ?? '' },
  }) as SetAsideItem);
}

export async function reviewQueue(db: SqlRunner, fairId: string): Promise<ReviewQueue> {
  const conflicts = await conflictCases(db, fairId);
  const items = await setAsideItems(db, fairId);
  return { type: 'review', fairId: fairId as FairId, conflicts, items };
}

/**
 * CO21: the organizer's decision on a flagged case, recorded as a `ResolveConflict` event (CS31)
 * of the server's own device (CO17), so every tablet gets it by pull and its fold clears the
 * flag. The author row is locked before the case is read, so two organizers deciding at once
 * take turns, and the second finds nothing left to decide.
 */
export async function decideConflict(
  db: SqlClient, fairId: string, caseId: string, decision: DecideRequest, actor: Actor, nowMs: number,
): Promise<ConflictDecided | 'not-found' | 'not-in-conflict'> {
  return db.transaction(async (tx) => {
    const deviceId = await serverDeviceOf(tx, fairId);
    const events = (await caseEvents(tx, fairId, [caseId])).get(caseId) ?? [];
    const c: Case | undefined = fold(events);
    if (c === undefined) return 'not-found';
    const made = resolutionEvent(c, { ...decision, decidedBy: actor.name ?? 'organizer' }, {
      eventId: ulid(nowMs) as EventId, deviceId: deviceId as DeviceId, now: instantFromMs(nowMs), nowMs,
    });
    if (!made.ok) return 'not-in-conflict';
    const event = made.value;
    const written = await writeServerItems(tx, fairId, () => [{ kind: 'case_event', entityId: caseId, payload: event, hlc: event.hlc, id: event.id }], {
      actor, action: 'conflict_decided', target: `case:${caseId}`,
      details: () => ({ fairId, caseNo: c.caseNo, stands: decision.stands, resolves: decision.resolves.join(','), reason: decision.reason, eventId: event.id }),
    }, nowMs);
    return { type: 'conflict-decided', caseId: c.id, eventId: event.id, serverSeq: written.firstServerSeq } as ConflictDecided;
  });
}

/** CO22: an organizer acknowledges a set-aside item once, with a note; again changes nothing. */
export async function acknowledgeItem(db: SqlClient, fairId: string, req: AcknowledgeRequest, actor: Actor, nowMs: number): Promise<ItemAcknowledged | 'not-found'> {
  return db.transaction(async (tx) => {
    const [exists] = req.list === 'rejected'
      ? await tx.query('select 1 from rejected_items where fair_id = $1 and id = $2', [fairId, req.key])
      : await tx.query(`select 1 from conflicts where fair_id = $1 and item_id || ':' || content_hash = $2`, [fairId, req.key]);
    if (exists === undefined) return 'not-found';
    const inserted = await tx.query(
      `insert into console_item_acks (list, item_key, fair_id, acked_by, acked_by_name, note, acked_at) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (list, item_key) do nothing returning 1`,
      [req.list, req.key, fairId, actor.userId, actor.name, req.note, instantFromMs(nowMs)],
    );
    if (inserted.length === 0) return { type: 'item-acknowledged', already: true };
    await audit(tx, actor, 'item_acknowledged', `${req.list}:${req.key}`, { fairId, note: req.note }, nowMs);
    return { type: 'item-acknowledged', already: false };
  });
}
