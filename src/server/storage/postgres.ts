import postgres from 'postgres';
import type { Row, SqlClient, SqlRunner, SqlValue } from './sql';

/**
 * A real PostgreSQL server (`DATABASE_URL`). Several FairCase instances may share it: every
 * guarantee lives in the database (row locks, the server-sequence counter, advisory locks).
 */
export function openPostgres(url: string, options: { max?: number } = {}): SqlClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    transform: { undefined: null },
  });
  const runner = (q: postgres.Sql | postgres.TransactionSql): SqlRunner => ({
    query: async <T extends Row = Row>(text: string, params: readonly SqlValue[] = []) =>
      (await q.unsafe(text, params.map((p) => (p instanceof Uint8Array ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p)) as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    exec: async (script: string) => {
      await q.unsafe(script).simple();
    },
  });
  return {
    kind: 'postgres',
    ...runner(sql),
    transaction: async <T>(fn: (tx: SqlRunner) => Promise<T>) => (await sql.begin((tx) => fn(runner(tx)))) as T,
    close: () => sql.end({ timeout: 5 }),
  };
}
