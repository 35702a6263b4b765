import { expect, inject, test } from 'vitest';
import postgres from 'postgres';
import { PGlite } from '@electric-sql/pglite';

// The harness the storage contract suite stands on: both databases answer real SQL.
test('the test setup starts a real PostgreSQL server', async () => {
  const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const [row] = await sql<{ server_version_num: string }[]>`show server_version_num`;
  expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(150000);
  await sql.end();
});

test('PGlite runs in memory', async () => {
  const db = await PGlite.create();
  const res = await db.query<{ n: number }>('select 1 + 1 as n');
  expect(res.rows[0]?.n).toBe(2);
  await db.close();
});
