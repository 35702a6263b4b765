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

/**
 * postgres.js 3.4.9 (the latest) can throw from a `setImmediate` after a connection died
 * (`socket.write` on a null socket in `nextWrite`: porsager/postgres#1154, #1208, fix in PR
 * #1209, unreleased). Thrown there, it escapes every `await` and would take the whole server
 * down when PostgreSQL restarts. By then the pool has already rejected the query with
 * CONNECTION_CLOSED (the client got a retryable 503), so this one error is logged and survived;
 * any other uncaught exception still ends the process as usual.
 */
export function survivePostgresJsNullSocket(): void {
  process.on('uncaughtException', (error) => {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    if (error instanceof TypeError && stack.includes('nextWrite') && /postgres[/\\]src[/\\]connection\.js/.test(stack)) {
      console.error('FairCase: a PostgreSQL connection closed under a pending write (postgres.js #1208); carrying on.');
      return;
    }
    console.error(error);
    process.exit(1);
  });
}
