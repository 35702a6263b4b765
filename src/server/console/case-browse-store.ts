import { z } from 'zod';
import { parseCaseNumber, type KnownCodes } from '../../domain/case/case-number';
import { causalOrder, fold } from '../../domain/case/fold';
import type { CaseEvent } from '../../domain/case/events';
import { Evidence } from '../../domain/evidence';
import type { Hlc } from '../../domain/hlc';
import { latestPerEntity } from '../../domain/last-writer-wins';
import type { Instant } from '../../domain/time';
import type { CaseBrowsePage, CaseBrowseQuery, CaseBrowseRow, CaseDetailReply, EvidenceFacts, TabletOption } from '../../domain/wire/console-cases';
import { catchUp } from '../reports/projection-sync';
import type { SqlRunner, SqlClient, SqlValue } from '../storage/sql';
import type { Storage } from '../storage/storage';
import { searchText } from './case-browse-projection';
import { countCases, searchCondition } from './case-search';
import { currentFair } from './console-store';

/**
 * The case browser's reads (CB1–CB4). Lists come from the `console_cases` projection, brought
 * up to date first (the report catch-up, projection-sync.ts); one case comes from its events,
 * folded by the domain's `fold` exactly as a tablet folds them (CS5).
 */

const like = (text: string): string => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** CB2: the text as typed, and (CN3) the canonical case number when it reads as one without its hyphens; normalised. */
function searchedTexts(q: string, known: KnownCodes): string[] {
  const caseNo = parseCaseNumber(q, known);
  return (caseNo.ok && caseNo.value.caseNo !== q ? [q, caseNo.value.caseNo] : [q]).map(searchText);
}

/** The WHERE of a query, with its parameters from `$2` on (`$1` is the fair). */
function conditions(q: CaseBrowseQuery, now: Instant, known: KnownCodes): { where: string; params: SqlValue[]; filtered: boolean } {
  const parts = ['fair_id = $1'];
  const params: SqlValue[] = [];
  const $ = (value: SqlValue): string => {
    params.push(value);
    return `$${params.length + 1}`;
  };
  if (q.q !== undefined && q.q !== '') parts.push(`(${searchedTexts(q.q, known).map((text) => searchCondition(text, like(text), $)).join(' or ')})`);
  if (q.state !== undefined) parts.push(`state = ${$(q.state)}`);
  if (q.outcome !== undefined) parts.push(`outcome = ${$(q.outcome)}`);
  if (q.ipType !== undefined) parts.push(`ip_types @> array[${$(q.ipType)}::text]`);
  if (q.hall !== undefined) parts.push(`hall = ${$(searchText(q.hall).toUpperCase())}`);
  if (q.tablet !== undefined) parts.push(`devices @> array[${$(q.tablet)}::text]`);
  // DL5: overdue = the running deadline passed (closed cases wait on none).
  if (q.overdue === '1') parts.push(`due_at < ${$(now)}`);
  return { where: parts.join(' and '), params, filtered: parts.length > 1 };
}

type RowRecord = {
  case_id: string;
  case_no: string;
  received_at: string;
  state: string;
  outcome: string | null;
  hall: string;
  booth: string;
  respondent: string;
  complainant: string;
  ip_types: string;
  flags: string;
  due_at: string | null;
  devices: string;
};

const split = (list: string): string[] => (list === '' ? [] : list.split(','));

/** The fair's tablets, by code (CB3: the console names a tablet by its code, never its id). */
export async function fairTablets(db: SqlRunner, fairId: string): Promise<TabletOption[]> {
  const rows = await db.query<{ id: string; code: string }>('select id, code from devices where fair_id = $1 order by code', [fairId]);
  return rows.map((r) => ({ deviceId: r.id, deviceCode: r.code }) as TabletOption);
}

/** The fair's halls, one index probe each (a loose scan of `console_cases_hall`). */
async function fairHalls(db: SqlRunner, fairId: string): Promise<string[]> {
  const rows = await db.query<{ hall: string }>(
    `with recursive h(hall) as (
       select min(hall) from console_cases where fair_id = $1
       union all
       select (select min(c.hall) from console_cases c where c.fair_id = $1 and c.hall > h.hall) from h where h.hall is not null
     ) select hall from h where hall is not null`,
    [fairId],
  );
  return rows.map((r) => r.hall);
}

/** CB2: one page of the fair's cases matching the query, newest first, with the total. */
export async function browseCases(db: SqlClient, fairId: string, q: CaseBrowseQuery, now: Instant): Promise<CaseBrowsePage | undefined> {
  const fair = await currentFair(db, fairId);
  if (fair === undefined) return undefined;
  await catchUp(db, fairId);
  const tablets = await fairTablets(db, fairId);
  const { where, params, filtered } = conditions(q, now, { fair: fair.code, devices: tablets.map((t) => t.deviceCode) });
  const [rows, counted, halls] = await Promise.all([
    db.query<RowRecord>(
      // Arrays as comma-joined text: postgres.js and PGlite hand back text[] differently (ids and codes hold no comma).
      `select case_id, case_no, received_at, state, outcome, hall, booth, respondent, complainant,
              array_to_string(ip_types, ',') as ip_types, array_to_string(flags, ',') as flags, due_at, array_to_string(devices, ',') as devices
       from console_cases where ${where} order by received_at desc, case_id desc limit ${q.limit} offset ${q.offset}`,
      [fairId, ...params],
    ),
    countCases(db, fairId, filtered ? where : undefined, params),
    fairHalls(db, fairId),
  ]);
  const codes = new Map(tablets.map((t) => [t.deviceId as string, t.deviceCode]));
  return {
    type: 'cases',
    fairId: fairId as CaseBrowsePage['fairId'],
    fair: { code: fair.code, nameZh: fair.nameZh, nameEn: fair.nameEn ?? null },
    now,
    total: counted.total,
    more: counted.more,
    offset: q.offset,
    halls,
    tabletOptions: tablets,
    rows: rows.map(
      (r) =>
        ({
          caseId: r.case_id,
          caseNo: r.case_no,
          receivedAt: r.received_at,
          state: r.state,
          outcome: r.outcome,
          hall: r.hall,
          booth: r.booth,
          respondent: r.respondent,
          complainant: r.complainant,
          ipTypes: split(r.ip_types),
          flags: split(r.flags),
          dueAt: r.due_at,
          overdue: r.due_at !== null && r.due_at < now,
          tablets: split(r.devices).map((d) => codes.get(d) ?? '?'),
        }) as CaseBrowseRow,
    ),
  };
}

// Stored items passed `SyncItem` and their kind's schema on the way in (push, bundle).
const StoredEvidence = z.object({ entityId: z.string(), hlc: z.string().transform((h) => h as Hlc), id: z.string(), receivedAt: z.string(), payload: z.unknown() });

/** Every evidence id an event's payload names (accused items, signatures, seals). */
function evidenceIdsOf(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /evidence/i.test(key) && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) evidenceIdsOf(v, key, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) evidenceIdsOf(v, k, out);
  return out;
}

/** CB3, CB4: one case of the fair, folded from its events, with its evidence's facts; undefined when absent. */
export async function caseDetail(storage: Storage, fairId: string, caseId: string, now: Instant): Promise<CaseDetailReply | undefined> {
  const db = storage.sql;
  const [row] = await db.query<{ events: string }>(
    `select coalesce(json_agg(payload), '[]')::text as events from items where fair_id = $1 and kind = 'case_event' and entity_id = $2`,
    [fairId, caseId],
  );
  const events = causalOrder(JSON.parse(row?.events ?? '[]') as CaseEvent[]);
  const c = fold(events);
  const fair = await currentFair(db, fairId);
  if (c === undefined || c.fairId !== fairId || fair === undefined) return undefined;

  const named = evidenceIdsOf(events.map((e) => e.payload));
  const [versionsRow] = await db.query<{ versions: string }>(
    `select coalesce(json_agg(json_build_object('entityId', entity_id, 'hlc', hlc, 'id', id, 'receivedAt', received_at, 'payload', payload)), '[]')::text as versions
     from items where fair_id = $1 and kind = 'evidence_meta'
       and (payload->>'caseId' = $2 or entity_id in (select jsonb_array_elements_text($3::text::jsonb)))`,
    [fairId, caseId, JSON.stringify([...named])],
  );
  const versions = z.array(StoredEvidence).parse(JSON.parse(versionsRow?.versions ?? '[]'));
  const evidence = [...latestPerEntity(versions).values()]
    .map((v) => ({ record: Evidence.safeParse(v.payload), receivedAt: new Date(v.receivedAt).toISOString() as Instant }))
    .flatMap((v) => (v.record.success ? [{ evidence: v.record.data, receivedAt: v.receivedAt }] : []))
    .sort((a, b) => (a.evidence.capturedAt < b.evidence.capturedAt ? -1 : a.evidence.capturedAt > b.evidence.capturedAt ? 1 : 0));

  const tablets = await fairTablets(db, fairId);
  const deviceCodes = Object.fromEntries(tablets.map((t) => [t.deviceId, t.deviceCode]));
  const userIds = [...new Set([...events.map((e) => e.actor.userId), ...evidence.map((e) => e.evidence.capturedBy), ...(c.opinion?.experts ?? [])].filter((u) => u !== undefined))];
  const users = await db.query<{ id: string; name: string }>('select id, name from users where id in (select jsonb_array_elements_text($1::text::jsonb))', [JSON.stringify(userIds)]);
  const userNames = Object.fromEntries(users.map((u) => [u.id, u.name]));
  const facts: EvidenceFacts[] = await Promise.all(
    evidence.map(async (e) => ({
      evidence: e.evidence,
      deviceCode: deviceCodes[e.evidence.deviceId] ?? null,
      capturedByName: userNames[e.evidence.capturedBy] ?? null,
      receivedAt: e.receivedAt,
      held: (await storage.blobSize(e.evidence.sha256)) !== undefined,
    })),
  );
  return { type: 'case', now, fair, case: c, events, deviceCodes, userNames, evidence: facts };
}

