import type { Hlc } from '../domain/hlc';
import { pickLatest, type Version } from '../domain/last-writer-wins';
import type { FairCaseDb } from './db';
import { inWrite } from './transaction';

/**
 * The current version of a mutable record on this tablet (SY22): the winner among this device's
 * own items about it (the local log) and the last version applied from another tablet, kept in
 * `meta` under `sync.version.<entityId>`. Read inside the caller's transaction.
 */

export const versionKey = (entityId: string): string => `sync.version.${entityId}`;

/** A value stored before versions kept their item id was the bare clock: its id is unknown (''). */
export const storedVersion = (value: unknown): Version | undefined => {
  if (typeof value === 'string') return { hlc: value as Hlc, id: '' };
  if (typeof value === 'object' && value !== null && 'hlc' in value && 'id' in value) return value as Version;
  return undefined;
};

export function knownVersion(db: FairCaseDb, entityId: string): Promise<Version | undefined> {
  return inWrite(async () => {
    const [local, remote] = await Promise.all([db.items.where('entityId').equals(entityId).toArray(), db.meta.get(versionKey(entityId))]);
    const applied = storedVersion(remote?.value);
    return pickLatest<Version>([...local.map((i) => ({ hlc: i.hlc, id: i.id })), ...(applied === undefined ? [] : [applied])]);
  });
}

/** Records that another tablet's `version` of the record is now current here. */
export function rememberVersion(db: FairCaseDb, entityId: string, version: Version): Promise<void> {
  return inWrite(async () => {
    await db.meta.put({ key: versionKey(entityId), value: { hlc: version.hlc, id: version.id } });
  });
}
