import type { AuditAction, AuditEntry, AuditQuery } from '../../domain/wire/console-audit';
import { num, type SqlRunner } from '../storage/sql';

/** Who did it and from where: the signed-in account (or a name typed at a failed sign-in) and the SY60 address. */
export interface Actor {
  readonly userId: string | null;
  readonly name: string | null;
  readonly address: string;
}

/**
 * CO16: one audit row, written with the `tx` of the action it records, so the action and its
 * row commit together or not at all.
 */
export async function audit(
  tx: SqlRunner,
  actor: Actor,
  action: AuditAction,
  target: string | null,
  details: Record<string, string | number | boolean | null>,
  nowMs: number,
): Promise<void> {
  await tx.query('insert into audit_log (at, actor_id, actor_name, address, action, target, details) values ($1, $2, $3, $4, $5, $6, $7::text::jsonb)', [
    new Date(nowMs).toISOString(), actor.userId, actor.name, actor.address, action, target, JSON.stringify(details),
  ]);
}

type AuditFilter = Pick<AuditQuery, 'action' | 'actor' | 'from' | 'to'>;

function where(filter: AuditFilter, params: (string | number)[]): string {
  const parts: string[] = [];
  const add = (sql: string, v: string | number): void => {
    params.push(v);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.actor !== undefined) add('actor_name = ?', filter.actor);
  if (filter.from !== undefined) add('at >= ?::timestamptz', filter.from);
  if (filter.to !== undefined) add('at < ?::timestamptz', filter.to);
  return parts.length === 0 ? 'true' : parts.join(' and ');
}

type AuditRow = {
  id: unknown;
  at: unknown;
  actor_id: string | null;
  actor_name: string | null;
  address: string;
  action: string;
  target: string | null;
  details: unknown;
};

const entryOf = (r: AuditRow): AuditEntry =>
  ({
    id: num(r.id),
    at: new Date(r.at as string).toISOString(),
    actor: r.actor_id === null && r.actor_name === null ? null : { userId: r.actor_id, name: r.actor_name ?? '' },
    address: r.address,
    action: r.action,
    target: r.target,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as unknown) : r.details,
  }) as AuditEntry;

/** Newest first; `cursor` is the id the page before ended after. */
export async function auditPage(db: SqlRunner, query: AuditQuery): Promise<{ entries: AuditEntry[]; next: number | null }> {
  const params: (string | number)[] = [];
  let sql = where(query, params);
  if (query.cursor !== undefined) {
    params.push(query.cursor);
    sql += ` and id < $${params.length}`;
  }
  params.push(query.limit + 1);
  const rows = await db.query<AuditRow>(`select * from audit_log where ${sql} order by id desc limit $${params.length}`, params);
  const entries = rows.slice(0, query.limit).map(entryOf);
  const last = entries[entries.length - 1];
  return { entries, next: rows.length > query.limit && last !== undefined ? last.id : null };
}

/** Every matching row, oldest first, for the CSV export. */
export async function auditAll(db: SqlRunner, filter: AuditFilter): Promise<AuditEntry[]> {
  const params: (string | number)[] = [];
  const rows = await db.query<AuditRow>(`select * from audit_log where ${where(filter, params)} order by id`, params);
  return rows.map(entryOf);
}
