/**
 * The load test: 50 enrolled devices push and pull for 60 seconds against two
 * instances of the real server (`src/server/main.ts`, child processes) on one PostgreSQL, on the
 * loopback address only. This file runs it: the database, the enrolment, the two instances, the
 * warm-up and the measured run. The pacing of the devices is load-schedule.ts, the checks of
 * their answers load-answers.ts, the end check in PostgreSQL load-stored.ts, the figures and
 * their judgement load-report.ts.
 */
import { openStorage } from '../../src/server/storage/storage';
import { createDatabase, startPostgres, type TestPostgres } from '../support/postgres';
import { makeOrganizer, newId } from '../server/support';
import { noAnswersYet, type LoadDevice } from './load-answers';
import { figures, type LoadReport, type LoadShape } from './load-report';
import { drive, lockstep } from './load-schedule';
import { checkStored } from './load-stored';
import { startServerProcess, type ServerProcess } from './server-process';

// The runner's callers (run.ts) judge and print the report through these.
export { loadCorrect, loadLines, loadPassed, type LoadReport } from './load-report';

export interface LoadOptions extends LoadShape {
  /** An existing PostgreSQL server; else one is started (as in the server tests). */
  readonly databaseUrl?: string;
  readonly log?: (line: string) => void;
}

export const FULL_LOAD: LoadShape = { devices: 50, seconds: 60, warmupSeconds: 10, batch: 10, pushRate: 1, pullRate: 1, pullLimit: 100 };

/** `count` tablets enrolled in one new fair, as the organizer does it (a one-time code per tablet). */
async function enrolDevices(databaseUrl: string, count: number): Promise<LoadDevice[]> {
  // Straight on the storage: the HTTP enrolment is rate-limited per address, and 50 tablets share 127.0.0.1 here.
  const storage = await openStorage({ databaseUrl, maxConnections: 4 });
  const fairId = newId();
  const devices: LoadDevice[] = [];
  try {
    const organizer = await makeOrganizer(storage);
    for (let i = 0; i < count; i++) {
      const { code } = await storage.createEnrolment(organizer.userId, { fairId, role: 'desk', ttlMinutes: 60 }, Date.now());
      const d = await storage.redeemEnrolment({ code, deviceName: `Load tablet ${i + 1}` });
      devices.push({ deviceId: d.deviceId, fairId: d.fairId, token: d.token, nextSeq: 1, acked: 0, cursor: 0 });
    }
  } finally {
    await storage.close();
  }
  return devices;
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  let pg: TestPostgres | undefined;
  const servers: ServerProcess[] = [];
  try {
    if (options.databaseUrl === undefined) pg = await startPostgres();
    const url = await createDatabase(options.databaseUrl ?? (pg as TestPostgres).url, 'faircase_load');
    const devices = await enrolDevices(url, options.devices);
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ databaseUrl: url, log: (l) => log(`  server: ${l}`) })))));
    const urls = servers.map((s) => s.url);
    log(`${devices.length} devices enrolled; instances ${urls.join(' and ')} on one PostgreSQL`);

    const counts = noAnswersYet();
    log(`load: ${devices.length} devices × ${options.pushRate} push/s of ${options.batch} items and ${options.pullRate} pull/s of ≤ ${options.pullLimit} items, ${options.seconds} s, ${lockstep() ? 'every device in lockstep (autocannon)' : 'each device on its own phase of the second'}`);
    let warmupErrors = 0;
    if ((options.warmupSeconds ?? 0) > 0) {
      const warm = await drive(urls, devices, options, counts, options.warmupSeconds ?? 0);
      warmupErrors = figures('push', warm[0]).errors + figures('pull', warm[1]).errors;
      log(`warm-up: ${options.warmupSeconds} s at the same load, not counted (errors: ${warmupErrors})`);
    }
    const ackedBefore = devices.reduce((n, d) => n + d.acked, 0);
    const started = performance.now();
    const [pushResult, pullResult] = await drive(urls, devices, options, counts, options.seconds);
    const seconds = (performance.now() - started) / 1000;
    const ackedDuring = devices.reduce((n, d) => n + d.acked, 0) - ackedBefore;

    const stored = await checkStored(url, devices);
    const itemsAcked = devices.reduce((n, d) => n + d.acked, 0);
    return {
      options: { devices: options.devices, seconds: options.seconds, warmupSeconds: options.warmupSeconds, batch: options.batch, pushRate: options.pushRate, pullRate: options.pullRate, pullLimit: options.pullLimit },
      push: figures('POST /api/sync/push', pushResult),
      pull: figures('GET /api/sync/pull', pullResult),
      itemsAcked,
      itemsPerSecond: ackedDuring / seconds,
      pulledItems: counts.pulledItems,
      // Counted in the database; a batch committed after its answer was cut off counts there only.
      itemsStored: stored.itemsStored,
      devicesInconsistent: stored.devicesInconsistent,
      badResults: counts.badResults,
      pullOutOfOrder: counts.pullOutOfOrder,
      warmupErrors,
      seconds,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pg?.stop();
  }
}
