import { randomBytes, randomUUID } from 'node:crypto';
import { MIGRATIONS } from './migration-steps';
import type { SqlClient } from './sql';

/** Any fixed 64-bit key: every FairCase instance on this database agrees on it. */
const MIGRATION_LOCK_KEY = 7_340_201_511;

/**
 * SQL migrations, run at every start. Idempotent (a `schema_migrations` row per applied step)
 * and safe when two instances start at once: the whole run holds a transaction-scoped advisory
 * lock, so the second instance waits, then finds everything applied.
 *
 * The steps are in migration-steps.ts: append new ones; never edit an applied one.
 */
export async function migrate(db: SqlClient): Promise<readonly string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.query(`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id));
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      // PGlite and PostgreSQL both run a multi-statement script given without parameters.
      await tx.exec(m.sql({ epoch: randomUUID(), secret: randomBytes(32).toString('hex') }));
      await tx.query('insert into schema_migrations (id) values ($1)', [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
