import { randomUUID } from 'node:crypto';
import type { PhoneComplaint } from '../../domain/wire/phone-payload';
import { listedPhotoHashes, type PublicDraft } from '../../domain/wire/public-intake';
import { contentHash } from './content-hash';
import type { SqlRunner } from './sql';

/**
 * Public drafts (PI1–PI5 in `src/domain/wire/public-intake.ts`): complaints a phone
 * sent online, kept apart from the event log. Nothing here creates a case; a desk files a draft
 * through its own store write and then marks it filed, so other desks stop listing it.
 */

/** Table `public_drafts` (migration `0005-public-drafts`). */
export const PUBLIC_DRAFTS_SQL = `
  create table public_drafts (
    id text primary key,
    fair_id text not null,
    payload_hash text not null,
    filing_id text not null,
    payload jsonb not null,
    received_at timestamptz not null default now(),
    filed_at timestamptz,
    filed_by text,
    unique (fair_id, payload_hash)
  );
  create index public_drafts_open on public_drafts (fair_id, received_at) where filed_at is null;`;

/** PI5: the fair has a record on the server (pushed by a tablet) or an enrolled tablet. */
export async function fairKnown(db: SqlRunner, fairId: string): Promise<boolean> {
  const rows = await db.query(
    `select 1 from items where kind = 'fair' and entity_id = $1
     union all select 1 from devices where fair_id = $1 and revoked_at is null limit 1`,
    [fairId],
  );
  return rows.length > 0;
}

/** PI1, PI2: one row per fair and payload hash; the same complaint again returns the first draft. */
export async function submitDraft(db: SqlRunner, complaint: PhoneComplaint): Promise<{ draftId: string; duplicate: boolean }> {
  const hash = contentHash(complaint);
  const inserted = await db.query<{ id: string }>(
    `insert into public_drafts (id, fair_id, payload_hash, filing_id, payload) values ($1, $2, $3, $4, $5::text::jsonb)
     on conflict (fair_id, payload_hash) do nothing returning id`,
    [randomUUID(), complaint.fairId, hash, complaint.id, JSON.stringify(complaint)],
  );
  if (inserted[0] !== undefined) return { draftId: inserted[0].id, duplicate: false };
  const [existing] = await db.query<{ id: string }>('select id from public_drafts where fair_id = $1 and payload_hash = $2', [complaint.fairId, hash]);
  if (existing === undefined) throw new Error('public draft vanished between insert and select');
  return { draftId: existing.id, duplicate: true };
}

/** The fair's drafts no desk has filed yet, oldest first. */
export async function openDrafts(db: SqlRunner, fairId: string, limit = 500): Promise<PublicDraft[]> {
  const rows = await db.query<{ id: string; received_at: unknown; payload: unknown }>(
    'select id, received_at, payload from public_drafts where fair_id = $1 and filed_at is null order by received_at, id limit $2',
    [fairId, limit],
  );
  return rows.map((r) => ({
    draftId: r.id,
    receivedAt: new Date(r.received_at as string).toISOString(),
    complaint: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as PhoneComplaint,
  })) as PublicDraft[];
}

/** A desk filed the draft: it leaves every desk's list. Idempotent; false when the fair has no such draft. */
export async function markFiled(db: SqlRunner, fairId: string, draftId: string, by: string): Promise<boolean> {
  const rows = await db.query(
    'update public_drafts set filed_at = coalesce(filed_at, now()), filed_by = coalesce(filed_by, $3) where id = $1 and fair_id = $2 returning id',
    [draftId, fairId, by],
  );
  return rows.length > 0;
}

/** PI7, PI8: the photo hashes a draft lists, with its fair; undefined when there is no such draft. */
export async function draftPhotoHashes(db: SqlRunner, draftId: string): Promise<{ fairId: string; hashes: ReadonlySet<string> } | undefined> {
  const [row] = await db.query<{ fair_id: string; payload: unknown }>('select fair_id, payload from public_drafts where id = $1', [draftId]);
  if (row === undefined) return undefined;
  const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Pick<PhoneComplaint, 'accusedItems'>;
  return { fairId: row.fair_id, hashes: new Set(listedPhotoHashes(payload)) };
}
