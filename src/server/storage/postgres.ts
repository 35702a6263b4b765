import postgres from 'postgres';
import type { Row, SqlClient, SqlRunner, SqlValue } from './sql';

/**
 * A real PostgreSQL server (`DATABASE_URL`). Several FairCase instances may share it: every
 * guarantee lives in the database (row locks, the server-sequence counter, advisory locks).
 */
export function openPostgres(url: string, options: { max?: number; deadlineMs?: number } = {}): SqlClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    transform: { undefined: null },
    // postgres.js 3.4.9 runs its array-type query (`fetchArrayTypes`) on every new connection from
    // a message handler that drops the promise: when PostgreSQL ends the connection meanwhile (a
    // restart, a failover, `pg_terminate_backend`), the rejection is unhandled and Node 20 ends
    // the whole process. FairCase passes no arrays (sql.ts: scalars and JSON text) and selects no
    // array columns, so the query is not needed; without it a lost connection is only the 503 of
    // the request that used it (test/server/postgres-disconnect.test.ts).
    fetch_types: false,
  });
  survivePostgresJsNullSocket();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const runner = (q: postgres.Sql | postgres.TransactionSql, outer: boolean): SqlRunner => ({
    query: async <T extends Row = Row>(text: string, params: readonly SqlValue[] = []) => {
      // Prepared (named, once per connection): `unsafe` defaults to unprepared, and an unprepared
      // statement with parameters costs two round trips (Parse+Describe, then Bind+Execute) and a
      // new parse and plan every time; the push and pull paths felt it under load.
      // Our SQL texts are constants (values travel as parameters), so the per-connection cache stays small.
      const args = params.map((p) => (p instanceof Uint8Array ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p)) as postgres.ParameterOrJSON<never>[];
      const running = q.unsafe(text, args, { prepare: true });
      // Inside a transaction the transaction's own deadline covers every statement.
      return (await (outer ? withDeadline(running, deadlineMs) : running)) as unknown as T[];
    },
    exec: async (script: string) => {
      await q.unsafe(script).simple();
    },
  });
  return {
    kind: 'postgres',
    ...runner(sql, true),
    transaction: async <T>(fn: (tx: SqlRunner) => Promise<T>) => (await withDeadline(sql.begin((tx) => fn(runner(tx, false))), deadlineMs)) as T,
    close: () => sql.end({ timeout: 5 }),
  };
}

/** How long a statement or a transaction may go unanswered before the request gets a 503. */
export const DEFAULT_DEADLINE_MS = 30_000;

/**
 * A query whose connection died under it can stay unsettled forever in postgres.js 3.4.9 (its
 * bytes were lost with the null-socket error below). Past the deadline the caller gets a
 * retryable error (SQLSTATE 57014, query_canceled: the server answers 503) instead of a request
 * that never ends. Nothing is lost: whatever had not committed is rolled back by PostgreSQL, and
 * a push retried after one that did commit is answered as duplicates.
 */
function withDeadline<T>(running: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('no answer from PostgreSQL in time'), { code: '57014' })), ms);
    timer.unref();
  });
  // The abandoned promise may still reject later: handled here, never an unhandled rejection.
  running.catch(() => {});
  return Promise.race([running, late]).finally(() => clearTimeout(timer));
}

let surviving = false;

/**
 * postgres.js 3.4.9 (the latest) can throw from a `setImmediate` after a connection died
 * (`socket.write` on a null socket in `nextWrite`: porsager/postgres#1154, #1208, fix in PR
 * #1209, unreleased). Thrown there, it escapes every `await` and would take the whole server
 * down when PostgreSQL restarts. By then the pool has already rejected the query with
 * CONNECTION_CLOSED (the client got a retryable 503), so this one error is logged and survived;
 * any other uncaught exception still ends the process as usual.
 */
export function survivePostgresJsNullSocket(): void {
  // Once per process; `openPostgres` installs it, so every server on PostgreSQL survives.
  if (surviving) return;
  surviving = true;
  process.on('uncaughtException', (error) => {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    if (error instanceof TypeError && stack.includes('nextWrite') && /postgres[/\\]src[/\\]connection\.js/.test(stack)) {
      console.error('FairCase: a PostgreSQL connection closed under a pending write (postgres.js #1208); carrying on.');
      return;
    }
    // Another listener (a test runner) deals with the rest; alone, keep Node's default: log and exit.
    if (process.listenerCount('uncaughtException') > 1) return;
    console.error(error);
    process.exit(1);
  });
}
