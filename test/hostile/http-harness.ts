import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { ERROR_CODES, PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { enrol, makeItems, makeOrganizer, newId, type TestDevice } from '../server/support';

/**
 * The server of the hostile-input suite: the real Hono app on an in-memory
 * PGlite, called through `app.request()` (no port), with one principal of every kind and some
 * data in every table, so that a hostile request has something it could damage.
 */
export interface Harness {
  readonly app: Hono;
  readonly storage: Storage;
  readonly organizer: string;
  readonly expertUser: string;
  readonly desk: TestDevice;
  readonly expertDevice: TestDevice;
  readonly otherFair: TestDevice;
  readonly revoked: TestDevice;
  /** A stored evidence file. */
  readonly sha: string;
  close(): Promise<void>;
}

/** Written next to the app's folder; found in an answer, it means a path escaped the folder. */
export const SECRET = 'FAIRCASE-HOSTILE-SECRET-7f3a';

export async function openHarness(): Promise<Harness> {
  // A secret beside the built app: no request may ever read it (path tricks on the static files).
  const root = mkdtempSync(join(tmpdir(), 'faircase-hostile-'));
  const distDir = join(root, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><html><body>shell</body></html>');
  writeFileSync(join(distDir, 'assets', 'app-abcdefgh.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const storage = await openStorage({ dataDir: 'memory://' });
  const app = createHttpApp({ distDir, storage });
  const organizer = (await makeOrganizer(storage)).token;
  await storage.createUser({ name: 'hostile-expert', password: 'expert password', role: 'expert' });
  const expertUser = (await storage.login('hostile-expert', 'expert password'))?.token ?? '';
  const desk = await enrol(storage, newId());
  const expertDevice = await enrol(storage, desk.fairId, { role: 'expert' });
  const otherFair = await enrol(storage, newId());
  const revoked = await enrol(storage, desk.fairId);
  await storage.revokeDevice(revoked.deviceId);
  // Something in items, rejected_items and blobs.
  const items = makeItems(desk, 1, 3);
  const poison = makeItems(desk, 4, 4).map((i) => ({ ...i, payload: { broken: true } }));
  await storage.push(desk, [...items, ...poison], Date.now());
  const data = new TextEncoder().encode('hostile suite evidence');
  const sha = createHash('sha256').update(data).digest('hex');
  await storage.putBlob(sha, data);
  return { app, storage, organizer, expertUser, desk, expertDevice, otherFair, revoked, sha, close: () => storage.close() };
}

/**
 * Every table of the database (whatever later migrations add), as row counts and a hash of
 * the rows: two equal snapshots mean nothing was written. `except` leaves out tables a refused
 * request may legitimately touch (the rate-limit counters of the public routes).
 */
const tablesOf = new WeakMap<Storage, readonly string[]>();

export async function snapshot(storage: Storage, except: readonly string[] = []): Promise<Record<string, string>> {
  let all = tablesOf.get(storage);
  if (all === undefined) {
    // The migrations ran before the harness opened: the list of tables is fixed from here on.
    const tables = await storage.sql.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    all = tables.map((t) => t.name);
    tablesOf.set(storage, all);
  }
  // When a tablet was last in contact (CO11) is bookkeeping of the request itself, kept in a
  // table of its own for that reason: a pull that reads nothing still marks its tablet seen.
  const names = all.filter((n) => !except.includes(n) && n !== 'device_last_seen');
  // One statement for every table: PGlite's cost is per statement, not per row here.
  const rows = await storage.sql.query<{ t: string; n: unknown; h: string | null }>(
    names.map((n) => `select '${n}' as t, count(*) as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${n}" x`).join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, `${String(r.n)}:${r.h ?? ''}`]));
}

/** What every refusal may say: the wire's error codes and the version answers. */
export const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...ERROR_CODES, 'CLIENT_TOO_OLD', 'SERVER_TOO_OLD']);

/** Extra codes a route may answer with (another reply shape, e.g. a bundle refusal). */
let extraCodes = new Set<string>();
export const allowCodes = (codes: Iterable<string>): void => {
  extraCodes = new Set([...extraCodes, ...codes]);
};

/**
 * A refused hostile request: not a 5xx, JSON, and a code the app can word (`{ code }` or a
 * bundle's `{ error: { code } }`). Returns the code.
 */
export async function expectRefused(res: Response, label: string, statuses?: readonly number[]): Promise<string> {
  const text = await res.text();
  expect(res.status, `${label}: ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.status, `${label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  if (statuses !== undefined) expect(statuses, `${label}: ${res.status} ${text.slice(0, 300)}`).toContain(res.status);
  expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { code?: unknown; error?: { code?: unknown } };
  const code = typeof body.code === 'string' ? body.code : body.error?.code;
  expect(typeof code, `${label}: ${text.slice(0, 300)}`).toBe('string');
  expect(KNOWN_CODES.has(code as string) || extraCodes.has(code as string), `${label}: unknown code ${String(code)}`).toBe(true);
  return code as string;
}

export const auth = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });

export const pushEnvelope = (d: TestDevice, items: unknown[] = []): Record<string, unknown> => ({
  type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items,
});

/**
 * Watches the database across many requests cheaply: the WAL insert position moves only when
 * something was written (reads leave it alone), and only then are the tables compared. A refused
 * request must leave every table as it was; an accepted one (a value the schema takes) moves the
 * baseline.
 */
export interface StateGuard {
  after(label: string, refused: boolean): Promise<void>;
}

export async function stateGuard(storage: Storage, except: readonly string[] = []): Promise<StateGuard> {
  const lsn = async (): Promise<string> => (await storage.sql.query<{ l: string }>('select pg_current_wal_insert_lsn()::text as l'))[0]?.l ?? '';
  let base = await snapshot(storage, except);
  let position = await lsn();
  return {
    async after(label, refused) {
      const now = await lsn();
      if (now === position) return;
      position = now;
      const current = await snapshot(storage, except);
      if (refused) expect(current, `${label}: a refused request changed the database`).toEqual(base);
      base = current;
    },
  };
}
