/**
 * The two databases FairCase runs on, PGlite and a real PostgreSQL (one storage
 * contract, storage-contract.ts, on both), for the server tests that prove one thing on both. Apart from
 * support.ts because it registers vitest hooks: the benches and the proof runs import
 * support.ts's builders outside vitest.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { createDatabase } from '../support/postgres';

export type DatabaseName = 'PGlite' | 'PostgreSQL';

/** Where a PGlite test database lives: in memory, or in a new temporary folder, as a server keeps it on disk. */
export type PgliteIn = 'memory' | 'folder';

export interface FreshDatabase {
  readonly config: StorageConfig;
  /** Removes PGlite's folder (nothing to do for memory or PostgreSQL). */
  cleanup(): void;
}

/** A new, empty database: a PGlite, or a database of its own on the run's PostgreSQL server (`inject('databaseUrl')`). */
export async function freshDatabase(name: DatabaseName, pglite: PgliteIn = 'memory'): Promise<FreshDatabase> {
  if (name === 'PostgreSQL') return { config: { databaseUrl: await createDatabase(inject('databaseUrl')) }, cleanup: () => {} };
  if (pglite === 'memory') return { config: { dataDir: 'memory://' }, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'faircase-test-'));
  return { config: { dataDir: join(dir, 'pglite') }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestStorage {
  readonly name: DatabaseName;
  /** The open, migrated storage, from the suite's beforeAll to its afterAll. */
  readonly storage: () => Storage;
  /** What it was opened with: a second server instance on the same database opens with this. */
  readonly config: () => StorageConfig;
}

/**
 * Registers in the calling suite a beforeAll that opens a storage on a fresh PGlite and one on a
 * fresh PostgreSQL database, and an afterAll that closes both (then removes PGlite's folder).
 * Returns one entry per database, PGlite first, for `describe.each(…)('… on $name', …)`.
 */
export function bothStorages(options: { readonly pglite?: PgliteIn } = {}): readonly [TestStorage, TestStorage] {
  const opened = new Map<DatabaseName, { readonly storage: Storage; readonly fresh: FreshDatabase }>();
  beforeAll(async () => {
    // PostgreSQL first, then PGlite: PGlite migrates on this thread and blocks it, and on a busy
    // machine long enough for PostgreSQL's statement deadline to fire if both open at once.
    for (const name of ['PostgreSQL', 'PGlite'] as const) {
      const fresh = await freshDatabase(name, options.pglite);
      opened.set(name, { storage: await openStorage(fresh.config), fresh });
    }
  });
  afterAll(async () => {
    await Promise.all([...opened.values()].map((o) => o.storage.close()));
    for (const o of opened.values()) o.fresh.cleanup();
    opened.clear();
  });
  const get = (name: DatabaseName) => {
    const o = opened.get(name);
    if (o === undefined) throw new Error(`the ${name} storage is open only between the suite's beforeAll and afterAll`);
    return o;
  };
  const entry = (name: DatabaseName): TestStorage => ({ name, storage: () => get(name).storage, config: () => get(name).fresh.config });
  return [entry('PGlite'), entry('PostgreSQL')];
}

/**
 * Registers in the calling suite the storage of a second server instance on `db`'s database:
 * on PostgreSQL its own connection pool (opened after `db`'s, closed after the suite); PGlite is
 * one process's database, so there it is `db`'s storage itself.
 */
export function secondInstance(db: TestStorage): () => Storage {
  let own: Storage | undefined;
  beforeAll(async () => {
    if (db.name === 'PostgreSQL') own = await openStorage(db.config());
  });
  afterAll(async () => {
    await own?.close();
    own = undefined;
  });
  return () => {
    if (db.name === 'PGlite') return db.storage();
    if (own === undefined) throw new Error('the second instance is open only between the suite\'s beforeAll and afterAll');
    return own;
  };
}
