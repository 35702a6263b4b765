import { splitTarget, type AuditEntry } from '../../domain/wire/console-audit';
import type { Row, SqlRunner } from '../storage/sql';
import { currentFair } from './console-store';

/**
 * CO47: the names an audit page's entries refer to, keyed as the entries write them
 * (`fair:<id>`, `device:<id>`, `user:<id>`): a fair by its code and name, a tablet by its device
 * code and name, an account by its name. Looked up as the page is read, so a renamed fair shows its
 * name of today; a record that is gone has no label and the page shows its id.
 */
export async function auditLabels(db: SqlRunner, entries: readonly AuditEntry[]): Promise<Record<string, string>> {
  const ids = { fair: new Set<string>(), device: new Set<string>(), user: new Set<string>() };
  for (const e of entries) {
    const [kind, id] = splitTarget(e.target);
    if (id !== undefined && (kind === 'fair' || kind === 'device' || kind === 'user')) ids[kind].add(id);
    if (typeof e.details.fairId === 'string') ids.fair.add(e.details.fairId);
  }
  const labels: Record<string, string> = {};
  for (const id of ids.fair) {
    const fair = await currentFair(db, id);
    if (fair !== undefined) labels[`fair:${id}`] = `${fair.code} · ${fair.nameZh}`;
  }
  for (const r of await rowsIn<{ id: string; code: string; name: string }>(db, 'select id, code, name from devices where id in', [...ids.device])) {
    labels[`device:${r.id}`] = `${r.code} · ${r.name}`;
  }
  for (const r of await rowsIn<{ id: string; name: string }>(db, 'select id, name from users where id in', [...ids.user])) {
    labels[`user:${r.id}`] = r.name;
  }
  return labels;
}

function rowsIn<T extends Row>(db: SqlRunner, sql: string, values: readonly string[]): Promise<T[]> {
  if (values.length === 0) return Promise.resolve([]);
  return db.query<T>(`${sql} (${values.map((_, i) => `$${i + 1}`).join(', ')})`, [...values]);
}
