/**
 * The load test's end check: PostgreSQL itself is asked whether every device's
 * items are there exactly once and gap-free, 1…ackedSeq.
 */
import postgres from 'postgres';
import type { LoadDevice } from './load-answers';

export interface StoredCheck {
  /** Items in PostgreSQL of the run's devices. */
  readonly itemsStored: number;
  /** Devices whose items are not exactly 1…ackedSeq once each. */
  readonly devicesInconsistent: number;
}

export async function checkStored(databaseUrl: string, devices: readonly LoadDevice[]): Promise<StoredCheck> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let itemsStored = 0;
  let devicesInconsistent = 0;
  try {
    const rows = await sql<{ device_id: string; n: number; distinct_seqs: number; max_seq: number | null; acked: number }[]>`
      select a.device_id, count(i.id)::int as n, count(distinct i.seq)::int as distinct_seqs, max(i.seq)::int as max_seq, a.acked_seq::int as acked
      from device_acks a left join items i on i.device_id = a.device_id
      where a.device_id in ${sql(devices.map((d) => d.deviceId))}
      group by a.device_id, a.acked_seq`;
    for (const r of rows) {
      itemsStored += r.n;
      const d = devices.find((x) => x.deviceId === r.device_id);
      // The server may have acknowledged a last batch whose answer the run's end cut off.
      const ok = r.n === r.acked && r.distinct_seqs === r.n && (r.max_seq ?? 0) === r.acked && d !== undefined && r.acked >= d.acked;
      if (!ok) devicesInconsistent++;
    }
  } finally {
    await sql.end();
  }
  return { itemsStored, devicesInconsistent };
}
