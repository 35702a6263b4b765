import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Row, SqlClient, SqlRunner, SqlValue } from './sql';

/**
 * Embedded PostgreSQL (PGlite, WASM) in a data folder: the default, no server to install.
 * `memory://` keeps it in memory (tests). One connection: PGlite queues queries and
 * transactions behind its own mutex, so a transaction here is serial by construction.
 */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const runner = (q: Pick<PGlite, 'query' | 'exec'>): SqlRunner => ({
    query: async <T extends Row = Row>(text: string, params: readonly SqlValue[] = []) =>
      (await q.query<T>(text, [...params])).rows,
    exec: async (script: string) => {
      await q.exec(script);
    },
  });
  return {
    kind: 'pglite',
    ...runner(db),
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    close: () => db.close(),
  };
}
