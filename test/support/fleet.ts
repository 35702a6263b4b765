/**
 * A fair's worth of tablets against the real server, for deterministic multi-tablet scenarios:
 * each tablet has its own store (fake-indexeddb, a database of its own) and its own wall clock
 * (the hall's time plus an offset), and syncs through the app's own sync code; the server is the
 * real HTTP app on a real database (PGlite in a folder, or a database of the run's PostgreSQL),
 * on the hall's clock. Backups and restores are real copies of that database, marked as the
 * operator marks them (`restore-mark`). Nothing moves until a test says so: no timers, no
 * background sync, so every scenario replays the same.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { createFair, type NewFairInput } from '../../src/store/fairs';
import { fairInput } from '../store/fixtures';
import { instantFromMs, instantToMs, type Instant } from '../../src/domain/time';
import type { PostShowSummary } from '../../src/domain/report/summary-schema';
import { serverSummary } from '../../src/server/reports/summary-service';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { closeDb, getDb, setDbName } from '../../src/store/db';
import { saveDevice } from '../../src/store/device';
import { getBlob } from '../../src/store/evidence';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { enrolThisDevice, syncOnce, type SyncRun } from '../../src/sync/http-sync';
import type { BlobSource } from '../../src/sync/push-outbox';
import type { FetchLike } from '../../src/sync/transport';
import { createDatabase } from './postgres';
import { shownState } from './shown-state';

export type FleetDatabase = 'PGlite' | 'PostgreSQL';
const BASE = 'http://fleet.test';

/** The app's blob source (src/app/sync/sync-runner.ts): files come from the store's blob table. */
const blobs: BlobSource = async (sha) => {
  const blob = await getBlob(sha);
  return blob === undefined ? undefined : { data: new Uint8Array(await blob.arrayBuffer()), mime: blob.type || 'application/octet-stream' };
};

let openTablet: string | undefined;
let dbCount = 0;

export class FleetTablet {
  readonly dbName = `fleet-${process.pid}-${++dbCount}`;
  deviceCode: string | undefined;
  constructor(
    readonly name: string,
    private readonly fleet: Fleet,
    /** How far this tablet's wall clock is off the hall's, in ms (negative: behind). */
    public clockOffsetMs = 0,
  ) {}

  /** This tablet's wall clock now. */
  now = (): Instant => instantFromMs(this.fleet.hallMs + this.clockOffsetMs);

  /** Makes this tablet's database the store's one database (tablets take turns, as in the proof run). */
  use(): void {
    if (openTablet === this.dbName) return;
    closeDb();
    setDbName(this.dbName, { indexedDB, IDBKeyRange });
    openTablet = this.dbName;
  }

  /** The organizer's fair, created on this tablet's desk (a `fair` item in its log). */
  async createFair(input: NewFairInput = fairInput()): Promise<Fair> {
    this.use();
    const made = await createFair(input, this.now());
    if (!made.ok) throw new Error(`createFair on ${this.name}: ${JSON.stringify(made.error)}`);
    return made.value;
  }

  /** Runs store or sync code on this tablet. */
  async on<T>(work: () => Promise<T>): Promise<T> {
    this.use();
    return work();
  }

  /** Enrols with a fresh one-time code of the fair; `deviceCode` proposes a code (CN1). */
  async enrol(fairId: string, deviceCode?: string): Promise<string> {
    this.use();
    const code = await this.fleet.enrolmentCode(fairId);
    const enrolled = await enrolThisDevice(BASE, code, `Tablet ${this.name}`, deviceCode, this.fleet.fetch);
    this.deviceCode = enrolled.deviceCode;
    return enrolled.deviceCode;
  }

  /** Device settings once the fair is here (created or pulled): numbering starts. */
  async setUp(fairId: string): Promise<void> {
    this.use();
    const r = await saveDevice({ name: `Tablet ${this.name}`, shortCode: this.deviceCode ?? 'K0', fairId }, this.now());
    if (!r.ok) throw new Error(`saveDevice on ${this.name}: ${JSON.stringify(r.error)}`);
  }

  /** One push-then-pull run of the app's sync code against the fleet's server. */
  async sync(): Promise<SyncRun> {
    this.use();
    return syncOnce({ now: this.now, fetch: this.fleet.fetch, appliers: ALL_APPLIERS, blobs });
  }

  async outboxCount(): Promise<number> {
    this.use();
    return getDb().outbox.count();
  }

  async shown(): Promise<ReadonlyMap<string, string>> {
    this.use();
    return shownState();
  }
}

export interface Backup {
  readonly config: StorageConfig;
}

/**
 * The server side of a scenario and its tablets. `open` in a suite's beforeAll, `close` in its
 * afterAll; `backup` and `restore` close and reopen the database as an operator would.
 */
export class Fleet {
  /** The hall's clock: the server's time; a tablet's is this plus its offset. */
  hallMs: number;
  private storage_: Storage | undefined;
  private app: Hono | undefined;
  private config: StorageConfig;
  private organizerId = '';
  /** Every PGlite folder of this fleet (the live one, backups, restored copies) lives here. */
  private readonly root = mkdtempSync(join(tmpdir(), 'faircase-fleet-'));
  private copies = 0;
  private readonly pgUrl: string | undefined;
  readonly tablets: FleetTablet[] = [];

  private constructor(
    readonly database: FleetDatabase,
    config: StorageConfig,
    start: string,
  ) {
    this.config = config;
    this.hallMs = instantToMs(start as Instant);
    this.pgUrl = database === 'PostgreSQL' ? inject('databaseUrl') : undefined;
  }

  static async open(database: FleetDatabase, start = '2025-04-15T01:00:00.000Z'): Promise<Fleet> {
    const fleet = new Fleet(database, {}, start);
    fleet.config = await fleet.freshConfig();
    await fleet.start();
    const { userId } = await fleet.storage.createUser({ name: `fleet-organizer-${dbCount}`, password: 'correct horse battery', role: 'organizer' });
    fleet.organizerId = userId;
    return fleet;
  }

  private async freshConfig(): Promise<StorageConfig> {
    if (this.database === 'PostgreSQL') return { databaseUrl: await createDatabase(this.pgUrl as string, 'faircase_fleet') };
    return { dataDir: join(this.root, `pglite-${this.copies++}`) };
  }

  private async start(): Promise<void> {
    this.storage_ = await openStorage(this.config);
    this.app = createHttpApp({ distDir: 'dist', storage: this.storage_, now: () => this.hallMs });
  }

  get storage(): Storage {
    if (this.storage_ === undefined) throw new Error('the fleet is closed');
    return this.storage_;
  }

  readonly fetch: FetchLike = async (url, init) => {
    if (this.app === undefined) throw new Error('the server is down');
    return this.app.request(url, init);
  };

  advance(ms: number): void {
    this.hallMs += ms;
  }

  tablet(name: string, options: { clockOffsetMs?: number } = {}): FleetTablet {
    const t = new FleetTablet(name, this, options.clockOffsetMs ?? 0);
    this.tablets.push(t);
    return t;
  }

  async enrolmentCode(fairId: string, role: 'desk' | 'expert' = 'desk'): Promise<string> {
    // The database checks expiry against its own clock, not the hall's.
    return (await this.storage.createEnrolment(this.organizerId, { fairId, role, ttlMinutes: 60 }, Date.now())).code;
  }

  /** A cold backup: the server stops, its database is copied, it starts again. */
  async backup(): Promise<Backup> {
    await this.storage.close();
    let copy: StorageConfig;
    if (this.database === 'PostgreSQL') {
      const { default: postgres } = await import('postgres');
      const source = new URL(this.config.databaseUrl as string).pathname.slice(1);
      const admin = postgres(this.pgUrl as string, { max: 1, onnotice: () => {} });
      const name = `${source}_c${this.copies++}`;
      try {
        await admin.unsafe(`create database ${name} template ${source}`);
      } finally {
        await admin.end();
      }
      const u = new URL(this.config.databaseUrl as string);
      u.pathname = `/${name}`;
      copy = { databaseUrl: u.toString() };
    } else {
      copy = await this.copyFolder(this.config.dataDir as string);
    }
    await this.start();
    return { config: copy };
  }

  private async copyFolder(dataDir: string): Promise<StorageConfig> {
    const into = await this.freshConfig();
    cpSync(dataDir, into.dataDir as string, { recursive: true });
    cpSync(`${dataDir}-blobs`, `${into.dataDir as string}-blobs`, { recursive: true });
    return into;
  }

  /** The server stops, a copy of the backup takes the database's place, `restore-mark`, it starts again. */
  async restore(backup: Backup): Promise<void> {
    await this.storage.close();
    if (this.database === 'PostgreSQL') {
      const { default: postgres } = await import('postgres');
      const admin = postgres(this.pgUrl as string, { max: 1, onnotice: () => {} });
      const source = new URL(backup.config.databaseUrl as string).pathname.slice(1);
      const name = `${source}_c${this.copies++}`;
      try {
        await admin.unsafe(`create database ${name} template ${source}`);
      } finally {
        await admin.end();
      }
      const u = new URL(backup.config.databaseUrl as string);
      u.pathname = `/${name}`;
      this.config = { databaseUrl: u.toString() };
    } else {
      this.config = await this.copyFolder(backup.config.dataDir as string);
    }
    // What `cli.ts restore-mark` does, on the restored database.
    const marking = await openStorage(this.config);
    try {
      await marking.markRestored();
    } finally {
      await marking.close();
    }
    await this.start();
  }

  /** What the server's reports say of each case of the fair (its projection, brought up to date). */
  async serverCases(fairId: string): Promise<ReadonlyMap<string, string>> {
    const summary = await serverSummary(this.storage.sql, fairId);
    if (summary === undefined) throw new Error(`the server does not know fair ${fairId}`);
    const rows = await this.storage.sql.query<{ case_id: string; outcome: string | null; closed: boolean }>(
      'select case_id, outcome, closed from report_cases where fair_id = $1',
      [fairId],
    );
    return new Map(rows.map((r) => [r.case_id, `${r.closed ? 'closed' : 'open'} ${r.outcome ?? '-'}`]));
  }

  /** The server's post-show summary figures of the fair. */
  async serverFigures(fairId: string): Promise<PostShowSummary['figures']> {
    const summary = await serverSummary(this.storage.sql, fairId);
    if (summary === undefined) throw new Error(`the server does not know fair ${fairId}`);
    return summary.summary.figures;
  }

  async close(): Promise<void> {
    closeDb();
    openTablet = undefined;
    await this.storage_?.close();
    this.storage_ = undefined;
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Syncs every tablet in turn until a whole round moves nothing and every outbox is empty. */
  async settle(tablets: readonly FleetTablet[] = this.tablets, rounds = 5): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      let moved = 0;
      for (const t of tablets) {
        const run = await t.sync();
        moved += run.push.pushed + run.pull.items;
      }
      if (moved === 0) return;
    }
    throw new Error(`the fleet did not settle in ${rounds} rounds`);
  }
}

/**
 * One suite per database: `body` registers its tests and reads the suite's fleet through
 * `fleet()`, opened in the suite's beforeAll and closed in its afterAll.
 */
export function describeFleet(title: string, body: (fleet: () => Fleet) => void): void {
  describe.each(['PGlite', 'PostgreSQL'] as const)(`${title} on %s`, (database) => {
    let opened: Fleet | undefined;
    beforeAll(async () => {
      opened = await Fleet.open(database);
    }, 120_000);
    afterAll(async () => {
      await opened?.close();
    });
    body(() => {
      if (opened === undefined) throw new Error('the fleet is open only between the suite\'s beforeAll and afterAll');
      return opened;
    });
  });
}
