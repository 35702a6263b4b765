import type { SyncItem } from '../../domain/sync-item';
import type { ConflictList, ErrorCode, RejectedList } from '../../domain/wire/protocol';
import type { DeviceEnrolled, DeviceRole, DeviceSummary, ServerRole } from '../../domain/wire/accounts';
import * as accounts from './accounts-store';
import * as blobs from './blob-store';
import * as clocks from './clock-reports';
import * as codes from './device-codes';
import * as limits from './rate-limit-store';
import { fileBlobStore, type BlobStore } from './file-blobs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { SqlClient } from './sql';
import * as sync from './sync-store';

export type { Principal } from './accounts-store';
export { AccountError } from './accounts-store';
export type { DeviceContext, PushOutcome, PullResult } from './sync-store';

/**
 * Everything the server keeps, behind one interface with two databases under it: embedded
 * PGlite in a data folder (default) and a real PostgreSQL server (`DATABASE_URL`). No state
 * lives in this process that another instance would need.
 */
export interface Storage {
  readonly kind: 'pglite' | 'postgres';
  /** The raw SQL seam, for the CLI and tests. */
  readonly sql: SqlClient;

  epoch(): Promise<string>;
  markRestored(): Promise<string>;
  /** SY30: device codes a tablet of `fairId` reported; never issued to another device. */
  reserveCodes(fairId: string, codes: readonly { readonly deviceId: string; readonly code: string }[]): Promise<void>;

  push(ctx: sync.DeviceContext, items: readonly SyncItem[], nowMs: number): Promise<sync.PushOutcome | { kind: 'device-revoked' }>;
  pull(fairId: string, after: number, limit: number): Promise<sync.PullResult>;
  /** The same page with its items as JSON text, for the pull route to send without parsing them. */
  pullJson(fairId: string, after: number, limit: number): Promise<sync.PullJson>;
  conflicts(fairId: string): Promise<ConflictList['conflicts']>;
  rejected(fairId: string): Promise<RejectedList['rejected']>;
  /** SY14: keeps the clock offset a device reported with its push; the last one per device and fair. */
  reportClock(ctx: sync.DeviceContext, offsetMs: number, nowMs: number): Promise<void>;
  clockReports(fairId: string): Promise<clocks.ClockReport[]>;

  createUser(input: { name: string; password: string; role: 'organizer' | 'expert' }): Promise<{ userId: string }>;
  ensureOrganizer(name: string, password: string): Promise<boolean>;
  login(name: string, password: string): Promise<{ token: string; userId: string; role: ServerRole } | undefined>;
  authenticate(token: string): Promise<accounts.Principal | { readonly refused: ErrorCode }>;
  createEnrolment(userId: string, input: { fairId: string; role: DeviceRole; ttlMinutes: number }, nowMs: number): Promise<{ code: string; expiresAt: string }>;
  redeemEnrolment(input: accounts.Redemption): Promise<DeviceEnrolled>;
  revokeDevice(deviceId: string, fairId?: string): Promise<number>;
  listDevices(fairId: string): Promise<DeviceSummary[]>;
  /** SHA-256 (hex) of each live token of a device in a fair: the keys of its bundle signatures (BN13). */
  liveTokenHashes(deviceId: string, fairId: string): Promise<string[]>;

  putBlob(sha256: string, data: Uint8Array): Promise<{ created: boolean }>;
  blobSize(sha256: string): Promise<number | undefined>;
  getBlob(sha256: string): Promise<Uint8Array | undefined>;

  /** Counts a hit on a rate-limited key; the hits in its current window. */
  hit(key: string, windowSeconds: number): Promise<number>;

  close(): Promise<void>;
}

export function storageOn(db: SqlClient, files?: BlobStore): Storage {
  return {
    kind: db.kind,
    sql: db,
    epoch: () => sync.getEpoch(db),
    // SY32: the new epoch and a fresh device-code range, in one transaction.
    markRestored: () =>
      db.transaction(async (tx) => {
        const epoch = await sync.markRestored(tx);
        await codes.openFreshCodeRange(tx);
        return epoch;
      }),
    reserveCodes: (fairId, reported) => codes.reserveCodes(db, fairId, reported),
    push: (ctx, items, nowMs) =>
      sync.push(db, ctx, items, nowMs, files === undefined ? undefined : async (shas) => {
        const sizes = await Promise.all(shas.map((s) => files.size(s)));
        return shas.filter((_, i) => sizes[i] === undefined);
      }),
    pull: (fairId, after, limit) => sync.pull(db, fairId, after, limit),
    pullJson: (fairId, after, limit) => sync.pullJson(db, fairId, after, limit),
    conflicts: (fairId) => sync.listConflicts(db, fairId),
    rejected: (fairId) => sync.listRejected(db, fairId),
    reportClock: (ctx, offsetMs, nowMs) => clocks.reportClock(db, ctx.deviceId, ctx.fairId, offsetMs, nowMs),
    clockReports: (fairId) => clocks.clockReports(db, fairId),
    createUser: (input) => accounts.createUser(db, input),
    ensureOrganizer: (name, password) => accounts.ensureOrganizer(db, name, password),
    login: (name, password) => accounts.login(db, name, password),
    authenticate: (token) => accounts.authenticate(db, token),
    createEnrolment: (userId, input, nowMs) => accounts.createEnrolment(db, userId, input, nowMs),
    redeemEnrolment: (input) => accounts.redeemEnrolment(db, input),
    revokeDevice: (deviceId, fairId) => accounts.revokeDevice(db, deviceId, fairId),
    listDevices: (fairId) => accounts.listDevices(db, fairId),
    liveTokenHashes: (deviceId, fairId) => accounts.liveTokenHashes(db, deviceId, fairId),
    putBlob: (sha256, data) => (files === undefined ? blobs.putBlob(db, sha256, data) : files.put(sha256, data)),
    blobSize: (sha256) => (files === undefined ? blobs.blobSize(db, sha256) : files.size(sha256)),
    getBlob: (sha256) => (files === undefined ? blobs.getBlob(db, sha256) : files.get(sha256)),
    hit: (key, windowSeconds) => limits.hit(db, key, windowSeconds),
    close: () => db.close(),
  };
}

export interface StorageConfig {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite's folder (default `./data/pglite`), or `memory://` for a throwaway database. */
  readonly dataDir?: string;
  /** PostgreSQL pool size per instance. */
  readonly maxConnections?: number;
}

export const DEFAULT_DATA_DIR = './data/pglite';

/** Opens the database and runs the migrations (idempotent, safe with two instances starting). */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const onPostgres = config.databaseUrl !== undefined && config.databaseUrl !== '';
  const dataDir = config.dataDir ?? DEFAULT_DATA_DIR;
  const db = onPostgres ? openPostgres(config.databaseUrl as string, { max: config.maxConnections }) : await openPglite(dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  if (onPostgres) return storageOn(db);
  // PGlite: evidence files in `<dataDir>-blobs` (a throwaway folder for an in-memory database).
  const throwaway = dataDir.startsWith('memory://');
  const blobDir = throwaway ? mkdtempSync(join(tmpdir(), 'faircase-blobs-')) : `${dataDir.replace(/[/\\]+$/, '')}-blobs`;
  const storage = storageOn(db, fileBlobStore(blobDir));
  if (!throwaway) return storage;
  return {
    ...storage,
    close: async () => {
      await storage.close();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

/** The storage the environment asks for: `DATABASE_URL`, else PGlite in `FAIRCASE_DATA_DIR`. */
export const storageConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): StorageConfig => ({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.FAIRCASE_DATA_DIR ?? DEFAULT_DATA_DIR,
});
