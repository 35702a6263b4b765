import { Fair } from '../domain/fair';
import type { FairId } from '../domain/ids';
import { ServiceRecord, type ServiceRecordInput } from '../domain/report/service-record';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import { parseInput } from './result';
import type { StoreResult } from './result';
import { logEdit } from './fairs';
import { fail, runWrite } from './transaction';

/**
 * R18/R19 entries (R18, R19; report/service-record.ts): the organizer's record of training,
 * publicity and on-site service, kept inside the fair record and synced with it as a whole
 * snapshot (the last writer wins, SY20), in the same transaction as the fair row.
 */
export async function saveFairService(fairId: FairId | string, input: ServiceRecordInput, now: Instant): Promise<StoreResult<Fair>> {
  const service = parseInput(ServiceRecord, input);
  if (!service.ok) return service;
  return runWrite(
    ['fairs'],
    async (db) => {
      const current = await db.fairs.get(fairId);
      if (current === undefined) fail('not-found', `fair ${fairId}`);
      return logEdit(db, current, Fair.parse({ ...current, service: service.value }), now);
    },
    { now },
  );
}

/** The expert users of this tablet, for the duty roster (R19). */
export async function expertUsers(): Promise<{ id: string; name: string }[]> {
  const users = await getDb().users.toArray();
  return users.filter((u) => u.role === 'expert').map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name));
}
