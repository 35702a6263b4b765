import { afterAll, afterEach, beforeAll } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Hono } from 'hono';
import type { DeviceEnrolled } from '../../src/domain/wire/accounts';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { closeDb, setDbName } from '../../src/store/db';
import { createFair } from '../../src/store/fairs';
import { enrolThisDevice } from '../../src/sync/http-sync';
import type { FetchLike } from '../../src/sync/transport';
import { fairInput } from '../store/fixtures';
import { makeOrganizer } from '../server/support';

/**
 * Tablets against the real server: the Hono app on PGlite in memory, called through
 * `app.request` (no port), and one fake-indexeddb database per tablet and test.
 */
export interface SyncServer {
  /** The base URL the tablets enrol with. */
  readonly base: string;
  /** Fetch through the app. */
  readonly fetch: FetchLike;
  storage(): Storage;
  app(): Hono;
  /** The organizer's user id, who issues the enrolment codes. */
  organizer(): string;
  /** Switches the store to tablet `name`'s database of this test (made on first use). */
  useDevice(name: string): void;
  /** A fresh desk enrolment code for `fairId`. */
  code(fairId: string): Promise<string>;
  /** Enrols the current tablet with a fresh code. */
  enrolHere(fairId: string, deviceName: string, deviceCode?: string): Promise<DeviceEnrolled>;
  /** Switches to tablet `name` and enrols it as "Tablet name". */
  enrolled(name: string, fairId: string, deviceCode?: string): Promise<DeviceEnrolled>;
  /** Tablet `name` makes a fair and enrols as "Tablet name" with code `deviceCode`. */
  fairOn(name: string, deviceCode: string, now: () => Instant): Promise<Fair>;
}

/**
 * Registers the suite's hooks (server opened before all, closed after all, the tablet's
 * database closed after each test) in the calling file or `describe`. `prefix` names the
 * databases; `now` sets the server's clock.
 */
export function syncServer(prefix: string, options: { now?: () => number } = {}): SyncServer {
  const base = 'http://faircase.test';
  let storage: Storage | undefined;
  let app: Hono | undefined;
  let organizer = '';
  let dbCount = 0;
  const must = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the sync server is not open (beforeAll)');
    return v;
  };

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    app = createHttpApp({ distDir: 'dist', storage, ...(options.now === undefined ? {} : { now: options.now }) });
    organizer = (await makeOrganizer(storage)).userId;
  }, 120_000);
  afterAll(async () => {
    closeDb();
    await storage?.close();
  });
  afterEach(() => {
    closeDb();
    dbCount++;
  });

  const fetch: FetchLike = async (url, init) => must(app).request(url, init);
  const useDevice = (name: string): void => setDbName(`${prefix}-${name}-${process.pid}-${dbCount}`, { indexedDB, IDBKeyRange });
  const code = async (fairId: string): Promise<string> =>
    (await must(storage).createEnrolment(organizer, { fairId, role: 'desk', ttlMinutes: 10 }, Date.now())).code;
  const enrolHere = async (fairId: string, deviceName: string, deviceCode?: string): Promise<DeviceEnrolled> =>
    enrolThisDevice(base, await code(fairId), deviceName, deviceCode, fetch);
  const enrolled = async (name: string, fairId: string, deviceCode?: string): Promise<DeviceEnrolled> => {
    useDevice(name);
    return enrolHere(fairId, `Tablet ${name}`, deviceCode);
  };
  const fairOn = async (name: string, deviceCode: string, now: () => Instant): Promise<Fair> => {
    useDevice(name);
    const made = await createFair(fairInput(), now());
    if (!made.ok) throw new Error(made.error.kind);
    await enrolHere(made.value.id, `Tablet ${name}`, deviceCode);
    return made.value;
  };
  return { base, fetch, storage: () => must(storage), app: () => must(app), organizer: () => organizer, useDevice, code, enrolHere, enrolled, fairOn };
}
