import { z } from 'zod';
import type { Hlc } from '../../domain/hlc';
import { latestPerEntity } from '../../domain/last-writer-wins';
import type { SqlRunner } from '../storage/sql';

/**
 * The current version of each record of one kind in a fair, as every tablet holds it (SY24): all
 * the stored versions are read (their record, clock and item id) and the domain's
 * `latestPerEntity` picks, so the order they arrived in (`server_seq`) decides nothing.
 */

// The clock is not checked again: every stored item passed `SyncItem` on its way in (push, bundle).
const StoredVersion = z.object({ entityId: z.string(), hlc: z.string().transform((h) => h as Hlc), id: z.string(), payload: z.unknown() });
const StoredVersions = z.array(StoredVersion);

/** Kinds that are records with versions (case events are folded instead, CS5). */
export type VersionedKind = 'fair' | 'exhibitor' | 'consultation';

export async function currentRecords<T>(db: SqlRunner, fairId: string, kind: VersionedKind): Promise<T[]> {
  // One JSON array, not a row per version: on PGlite every result row costs far more than its bytes.
  const [row] = await db.query<{ versions: string }>(
    `select coalesce(json_agg(json_build_object('entityId', entity_id, 'hlc', hlc, 'id', id, 'payload', payload)), '[]')::text as versions
     from items where fair_id = $1 and kind = $2 and kind <> 'case_event'`,
    [fairId, kind],
  );
  const versions = StoredVersions.parse(JSON.parse(row?.versions ?? '[]'));
  return [...latestPerEntity(versions).values()].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0)).map((v) => v.payload as T);
}
