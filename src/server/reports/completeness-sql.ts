import type { DeviceState } from '../../domain/report/completeness';
import type { SqlRunner } from '../storage/sql';
import { num } from '../storage/sql';

/**
 * The completeness gate's server half (PS2): every device enrolled in the fair, what the
 * server holds of it (its acknowledged sequence, device_acks) and when it last sent an item (the
 * latest received, found through the per-device sequence index), revoked or not.
 */
export async function deviceStates(db: SqlRunner, fairId: string): Promise<DeviceState[]> {
  const rows = await db.query<{ id: string; code: string; name: string; role: 'desk' | 'expert'; acked_seq: unknown; revoked_at: unknown; last_seen: unknown }>(
    `select d.id, d.code, d.name, d.role, a.acked_seq, d.revoked_at,
            (select i.received_at from items i where i.device_id = d.id order by i.seq desc limit 1) as last_seen
     from devices d left join device_acks a on a.device_id = d.id
     where d.fair_id = $1 order by d.code`,
    [fairId],
  );
  return rows.map((r) => ({
    deviceId: r.id,
    deviceCode: r.code,
    name: r.name,
    role: r.role,
    ackedSeq: r.acked_seq === null || r.acked_seq === undefined ? 0 : num(r.acked_seq),
    ...(r.last_seen === null || r.last_seen === undefined ? {} : { lastSeenAt: new Date(r.last_seen as string).toISOString() }),
    revoked: r.revoked_at !== null && r.revoked_at !== undefined,
  })) as DeviceState[];
}
