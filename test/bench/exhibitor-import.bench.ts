/**
 * The console's exhibitor import on the server (CONSOLE-SPEC CO23): one request of 25,000 rows,
 * as the console's preview sends them (the good rows of a file, a third with a USCC, some shared
 * so the USCC warnings are computed too), through the real route: the JSON parse, the contract's
 * schema, the fair's exhibitor schema and booth checks per row, and the write of 25,000
 * exhibitor items as the server's own device (push plan, chain links, attestations) with the
 * list version and the audit row, in one transaction. Timed from the request to its answer, on
 * PostgreSQL and on PGlite, each on a fresh database. Goal ≤ 10 s each.
 *
 * Every step gives up after its time limit: a stuck database fails the suite, never hangs it.
 */
import { cpus, loadavg } from 'node:os';
import type { Hono } from 'hono';
import { ExhibitorsImported } from '../../src/domain/wire/console-review';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { makeFair } from '../support/builders';
import { createDatabase, startPostgres } from '../support/postgres';
import { uscc } from '../domain/report/session-builder';
import { newId } from '../server/support';
import type { BenchSuite, Figure } from './figure';

const ROWS = Number(process.env.EXHIBITOR_IMPORT_ROWS ?? 25_000);
const GOAL_MS = 10_000;
const STEP_LIMIT_MS = 180_000;
const ORIGIN = 'http://localhost';

function within<T>(what: string, running: Promise<T>, ms = STEP_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([running, late]).finally(() => clearTimeout(timer));
}

/** `n` rows as the console's preview makes them: distinct booths, every third with a USCC, every 50th USCC shared. */
export function importRows(n: number): { row: number; fields: Record<string, unknown> }[] {
  return Array.from({ length: n }, (_, i) => {
    const withUscc = i % 3 === 0;
    const key = i % 150 === 0 && i > 0 ? i - 3 : i;
    return {
      row: i + 2,
      fields: {
        nameZh: `参展企业${i}有限公司`, nameEn: `Exhibitor ${i} Co., Ltd.`, country: 'CN', delegation: `交易团${i % 40}`,
        booths: [{ hall: `${1 + (i % 20)}.${1 + (i % 3)}`, stand: `E${String(i).padStart(5, '0')}` }],
        contacts: [{ name: '联系人', phone: `138${String(10_000_000 + i).slice(-8)}` }],
        ...(withUscc ? { uscc: uscc(`91440101MC${String(key).padStart(7, '0')}`) } : {}),
      },
    };
  });
}

async function measure(name: string, config: StorageConfig): Promise<Figure> {
  const storage: Storage = await within(`${name}: open`, openStorage(config));
  try {
    const app: Hono = createHttpApp({ distDir: 'dist', storage, now: () => Date.now() });
    const call = (method: string, path: string, cookie: string, body: unknown): Promise<Response> =>
      Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, { method, headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const user = `bench-${newId().slice(-8)}`;
    await storage.createUser({ name: user, password: 'correct horse battery', role: 'organizer' });
    const signed = await within(`${name}: sign-in`, call('POST', '/session', '', { name: user, password: 'correct horse battery' }));
    const cookie = /^([^=]+=[^;]+)/.exec(signed.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const fair = makeFair({ id: newId() });
    const made = await within(`${name}: fair`, call('POST', '/fairs', cookie, { fair }));
    if (made.status !== 201) throw new Error(`${name}: fair not made (${made.status})`);
    const body = { rows: importRows(ROWS) };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await within(`${name}: import`, call('POST', `/fairs/${fair.id}/exhibitors/import`, cookie, body));
    const reply: unknown = await res.json();
    const parsed = ExhibitorsImported.safeParse(reply);
    if (!parsed.success) throw new Error(`${name}: import answered ${res.status} ${JSON.stringify(reply).slice(0, 300)}`);
    const answer = parsed.data;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (answer.saved !== ROWS || answer.rowErrors.length > 0) throw new Error(`${name}: ${answer.saved} of ${ROWS} saved, ${answer.rowErrors.length} rows refused`);
    const [stored] = await storage.sql.query<{ n: unknown }>(`select count(*) as n from items where fair_id = $1 and kind = 'exhibitor'`, [fair.id]);
    if (Number(stored?.n) !== ROWS) throw new Error(`${name}: ${String(stored?.n)} exhibitor items stored, not ${ROWS}`);
    return {
      name: `exhibitor import ${ROWS.toLocaleString('en')} rows, ${name}`,
      value: Math.round(ms),
      unit: 'ms',
      goal: { op: '<=', value: GOAL_MS },
      load: loadavg()[0] ?? Number.NaN,
      note: `${answer.warnings.length} USCC warnings; the server process's CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (PGlite's work included, PostgreSQL's not); list version ${answer.version}; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`,
    };
  } finally {
    await storage.close();
  }
}

export const exhibitorImportBench: BenchSuite = {
  name: 'exhibitor-import',
  async run() {
    const pg = await within('PostgreSQL start', startPostgres());
    try {
      const onPostgres = await measure('PostgreSQL', { databaseUrl: await createDatabase(pg.url, 'faircase_bench') });
      const onPglite = await measure('PGlite', { dataDir: 'memory://' });
      return [onPostgres, onPglite];
    } finally {
      await pg.stop();
    }
  },
};
