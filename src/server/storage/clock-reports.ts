import type { SqlRunner } from './sql';
import { num } from './sql';

/**
 * SY14: each tablet reports, with its pushes, how far its clock is off the server's as it
 * measured it (SY13); the server keeps the last report per device and fair, for the
 * organizer's console. It judges no item by its age (SY15).
 */

export const CLOCK_REPORTS_SQL = `
  create table device_clock_reports (
    device_id text not null,
    fair_id text not null,
    offset_ms bigint not null,
    reported_at timestamptz not null,
    primary key (device_id, fair_id)
  );`;

export interface ClockReport {
  readonly deviceId: string;
  readonly offsetMs: number;
  readonly reportedAt: string;
}

export async function reportClock(db: SqlRunner, deviceId: string, fairId: string, offsetMs: number, nowMs: number): Promise<void> {
  await db.query(
    `insert into device_clock_reports (device_id, fair_id, offset_ms, reported_at) values ($1, $2, $3, $4)
     on conflict (device_id, fair_id) do update set offset_ms = excluded.offset_ms, reported_at = excluded.reported_at`,
    [deviceId, fairId, offsetMs, new Date(nowMs).toISOString()],
  );
}

/** The last report of every device of a fair that reported, by device id. */
export async function clockReports(db: SqlRunner, fairId: string): Promise<ClockReport[]> {
  const rows = await db.query<{ device_id: string; offset_ms: unknown; reported_at: unknown }>(
    'select device_id, offset_ms, reported_at from device_clock_reports where fair_id = $1 order by device_id',
    [fairId],
  );
  return rows.map((r) => ({ deviceId: r.device_id, offsetMs: num(r.offset_ms), reportedAt: new Date(r.reported_at as string).toISOString() }));
}
