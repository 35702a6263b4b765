import type { SyncItem } from '../../domain/sync-item';
import { DEFAULT_SET_ASIDE_PAGE, type ConflictList, type ErrorCode, type RejectedList } from '../../domain/wire/protocol';
import type { DeviceEnrolled, DeviceRole, DeviceSummary, ServerRole } from '../../domain/wire/accounts';
import * as accounts from './accounts-store';
import * as blobs from './blob-store';
import * as clocks from './clock-reports';
import * as codes from './device-codes';
import * as limits from './rate-limit-store';
import * as lockout from './login-lockout-store';
import { fileBlobStore, type BlobStore } from './file-blobs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { SqlClient } from './sql';
import * as sync from './sync-store';
import * as relays from './relay-store';
import type { RelayOffer } from '../../domain/wire/relay-protocol';

export type { Principal } from './accounts-store';
export { AccountError } from './accounts-store';
export type { DeviceContext, PushAlongside, PushOutcome, PullResult, SetAsidePage } from './sync-store';

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

  /** `alongside`: a write committed with the items (sync-store.ts `PushAlongside`). */
  push(ctx: sync.DeviceContext, items: readonly SyncItem[], nowMs: number, alongside?: sync.PushAlongside): Promise<sync.PushOutcome | { kind: 'device-revoked' }>;
  pull(fairId: string, after: number, limit: number): Promise<sync.PullResult>;
  /** SY37: other devices' items a tablet offers back after a restore, each with its attestation. */
  relay(ctx: sync.DeviceContext, offers: readonly RelayOffer[]): Promise<relays.RelayOutcome>;
  /** The same page with its items as JSON text, for the pull route to send without parsing them. */
  pullJson(fairId: string, after: number, limit: number): Promise<sync.PullJson>;
  /** SY14: keeps the clock offset a device reported with its push; the last one per device and fair. */
  reportClock(ctx: sync.DeviceContext, offsetMs: number, nowMs: number): Promise<void>;
  clockReports(fairId: string): Promise<clocks.ClockReport[]>;
  /** A page of the conflicts kept aside, after `cursor` (0: the first), in arrival order (SY63). */
  conflicts(fairId: string, cursor?: number, limit?: number): Promise<sync.SetAsidePage<ConflictList['conflicts'][number]>>;
  rejected(fairId: string, cursor?: number, limit?: number): Promise<sync.SetAsidePage<RejectedList['rejected'][number]>>;

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
  /** Lets a login of this name from this address through now, or says how long the pair waits (SY61). */
  admitLogin(name: string, address: string, policy: lockout.LockoutPolicy): Promise<lockout.Admission>;
  clearLoginFailures(name: string, address: string): Promise<void>;

  close(): Promise<void>;
}

export function storageOn(db: SqlClient, files?: BlobStore): Storage {
  const lacks: sync.LacksBlobs | undefined = files === undefined ? undefined : async (shas) => {
    const sizes = await Promise.all(shas.map((s) => files.size(s)));
    return shas.filter((_, i) => sizes[i] === undefined);
  };
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
    push: (ctx, items, nowMs, alongside) => sync.push(db, ctx, items, nowMs, lacks, alongside),
    relay: (ctx, offers) => relays.relay(db, ctx, offers, lacks ?? ((shas) => sync.lacksInDatabase(db, shas))),
    pull: (fairId, after, limit) => sync.pull(db, fairId, after, limit),
    pullJson: (fairId, after, limit) => sync.pullJson(db, fairId, after, limit),
    reportClock: (ctx, offsetMs, nowMs) => clocks.reportClock(db, ctx.deviceId, ctx.fairId, offsetMs, nowMs),
    clockReports: (fairId) => clocks.clockReports(db, fairId),
    conflicts: (fairId, cursor = 0, limit = DEFAULT_SET_ASIDE_PAGE) => sync.listConflicts(db, fairId, cursor, limit),
    rejected: (fairId, cursor = 0, limit = DEFAULT_SET_ASIDE_PAGE) => sync.listRejected(db, fairId, cursor, limit),
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
    admitLogin: (name, address, policy) => lockout.admitLogin(db, name, address, policy),
    clearLoginFailures: (name, address) => lockout.clearLoginFailures(db, name, address),
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
