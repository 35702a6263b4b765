/**
 * The seeded fault run. Five tablets, each with its own store, record events
 * through the app's store writes and sync them through the app's sync code to the real server
 * (`src/server/main.ts` in a child process, PGlite in a temporary folder), while
 * - every request may be dropped, lose its answer, be duplicated, delayed, or held back and
 *   delivered after newer ones (fault-fetch.ts);
 * - the server is killed (SIGKILL) while a push is in flight, stays down a while, and restarts on
 *   the same data: the batch it was applying must be all there or not at all;
 * - the database is backed up (server stopped, folder copied) and later restored from that copy
 *   with `cli.ts restore-mark` (a new epoch): tablets must push everything again.
 * After every successful sync run of a tablet, everything it freed from its outbox must be on the
 * server with the same content and its evidence files verified there (fault-verdict.ts). At the
 * end (faults off, held requests delivered, clean rounds), the server must hold every event
 * exactly once: produced = on the server, duplicated = 0, lost = 0.
 *
 * Reproducible: every choice comes from the seed, and the tablets never run at the same time.
 * Only the instant a kill lands inside the push's transaction depends on the machine, so a
 * replay may cut the batch at another statement; the outcome must be right either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantFromMs, type Instant } from '../../src/domain/time';
import type { SyncItem } from '../../src/domain/sync-item';
import { SyncStopped } from '../../src/sync/push-outbox';
import { TransportError, type FetchLike } from '../../src/sync/transport';
import { DEFAULT_PLAN, faultyFetch, NO_FAULTS, type FaultCounts } from './fault-fetch';
import { disagreements, finalCounts, FreedCheck, type Counts } from './fault-verdict';
import { rngOf } from './rng';
import { restoreBackup, takeBackup } from './server-ops';
import { startServerProcess, type ServerProcess } from './server-process';
import { organizerView } from './server-view';
import { Tablet } from './tablet';

export interface FaultRunOptions {
  readonly seed: number;
  /** Events (sync items) the tablets record in all. */
  readonly events: number;
  readonly tablets?: number;
  /** Server kills while a push is in flight. */
  readonly kills?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

export interface KillRecord {
  /** Events produced when the kill was armed. */
  readonly at: number;
  readonly delayMs: number;
  /** Items of the cut push the server did not hold before, and how many the restarted server holds. */
  readonly batchNew: number;
  readonly landed: number;
}

export interface FaultRunReport extends Counts {
  readonly seed: number;
  readonly conflicts: number;
  readonly rejected: number;
  readonly kills: readonly KillRecord[];
  readonly backup: { readonly at: number; readonly restoredAt: number; readonly serverItemsLost: number };
  readonly faults: FaultCounts;
  readonly syncRuns: number;
  readonly syncFailures: Readonly<Record<string, number>>;
  readonly checks: number;
  /** Records two tablets (or a tablet and the server) show differently at the end. */
  readonly disagreements: readonly string[];
  /** Tablets enrolled again after the restore (they had joined after the backup). */
  readonly reEnrolments: number;
  readonly tablets: number;
  readonly clockOffsets: readonly string[];
  /** Invariant breaks seen during the run (freed before verified, a torn batch, pull out of order). */
  readonly violations: readonly string[];
  /** Milliseconds spent recording, syncing, checking, and stopping/starting/restoring the server. */
  readonly timings: { readonly act: number; readonly sync: number; readonly check: number; readonly server: number };
  readonly durationMs: number;
}

export const faultRunPassed = (r: FaultRunReport): boolean =>
  r.produced > 0 &&
  r.onServer === r.produced &&
  r.duplicated === 0 &&
  r.lost === 0 &&
  r.foreign === 0 &&
  r.mismatched === 0 &&
  r.conflicts === 0 &&
  r.rejected === 0 &&
  r.evidence.missing === 0 &&
  r.outboxLeft === 0 &&
  r.disagreements.length === 0 &&
  r.reEnrolments > 0 &&
  r.kills.every((k) => k.landed === 0 || k.landed === k.batchNew) &&
  r.violations.length === 0;

export const reportLines = (r: FaultRunReport): string[] => [
  `fault run, seed ${r.seed}: produced ${r.produced}, on the server ${r.onServer}, duplicated ${r.duplicated}, lost ${r.lost}`,
  `  foreign ${r.foreign}, content mismatched ${r.mismatched}, conflicts ${r.conflicts}, rejected ${r.rejected}; evidence files verified ${r.evidence.verified} of ${r.evidence.files}`,
  `  stuck in an outbox ${r.outboxLeft}, tablets disagree ${r.disagreements.length}; clocks off: ${r.clockOffsets.join(', ') || 'none'}; enrolled again after the restore ${r.reEnrolments}`,
  `  server killed mid-push ${r.kills.length}×: ${r.kills.map((k) => `${k.delayMs} ms in, ${k.landed === 0 ? 'rolled back' : k.landed === k.batchNew ? 'committed' : 'TORN'} (${k.landed}/${k.batchNew} new items)`).join('; ') || '—'}`,
  `  backup at ${r.backup.at} events, restored at ${r.backup.restoredAt} (the server lost ${r.backup.serverItemsLost} items, new epoch)`,
  `  faults: ${r.faults.requests} requests, ${r.faults.droppedRequests} dropped, ${r.faults.droppedResponses} answers lost, ${r.faults.duplicated} duplicated, ${r.faults.held} held back and ${r.faults.replayed} delivered late, ${r.faults.delayed} delayed, ${r.faults.refused} met a dead server`,
  `  ${r.syncRuns} sync runs (${Object.entries(r.syncFailures).map(([c, n]) => `${n} ${c}`).join(', ') || 'none'} failed), ${r.checks} invariant checks, ${r.violations.length} violations`,
  `  ${(r.durationMs / 1000).toFixed(1)} s: recording ${(r.timings.act / 1000).toFixed(1)} s, syncing ${(r.timings.sync / 1000).toFixed(1)} s, checking ${(r.timings.check / 1000).toFixed(1)} s, server stops and starts ${(r.timings.server / 1000).toFixed(1)} s`,
  ...r.violations.slice(0, 10).map((v) => `  VIOLATION ${v}`),
  ...r.disagreements.slice(0, 10).map((d) => `  DISAGREE ${d}`),
];

const ORGANIZER = { name: 'proof-organizer', password: 'correct horse battery staple' };
const CODES = ['KA', 'KB', 'KC', 'KD', 'KE', 'KF', 'KG', 'KH'];
/** Hours-off clocks of the first tablets, in ms (T2 three hours behind, T4 an hour ahead). */
const CLOCK_OFFSETS = [0, -3 * 3_600_000, 0, 3_600_000];
const plainFetch: FetchLike = (url, init) => fetch(url, init);

interface Kill {
  readonly at: number;
  readonly delayMs: number;
  /** What the server held just before the push (the view was refreshed then). */
  readonly before: ReadonlySet<string>;
  batch?: readonly SyncItem[];
  done?: Promise<void>;
}

export async function runFaultRun(options: FaultRunOptions): Promise<FaultRunReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const rng = rngOf(options.seed);
  const plan = rng.fork('plan');
  const schedule = rng.fork('schedule');
  const actions = rng.fork('actions');
  const total = options.events;
  const root = mkdtempSync(join(tmpdir(), 'faircase-proof-'));
  const dataDir = join(root, 'pglite');
  const backupDir = join(root, 'backup');
  const serverLog: string[] = [];
  let server: ServerProcess | undefined;
  // One clock for the hall, two seconds a tick: an afternoon of the fair for 10,000 events.
  let clockMs = Date.parse('2025-04-15T01:00:00.000Z');
  /** A tablet's own clock: the hall's, off by the tablet's offset. */
  const nowOf =
    (tablet: Tablet) =>
    (): Instant =>
      instantFromMs((clockMs += 2_000) + tablet.clockOffsetMs);
  const violations = new Set<string>();
  const timings = { act: 0, sync: 0, check: 0, server: 0 };
  const timed = async <T>(key: keyof typeof timings, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[key] += performance.now() - t0;
    }
  };
  const syncFailures: Record<string, number> = {};
  let syncRuns = 0;
  const kills: KillRecord[] = [];
  try {
    const srv = await timed('server', () => startServerProcess({ dataDir, organizer: ORGANIZER, log: (l) => serverLog.push(l) }));
    server = srv;
    log(`server ${srv.url}, PGlite in ${dataDir}`);

    // Set-up, without faults: the first tablet creates the fair; all enrol; the others pull the fair.
    // Some tablets' clocks are hours off the hall's (CLOCK_OFFSETS): the HLC and LWW rules must
    // still give every tablet and the server the same state (SY10–SY24).
    const runId = `${options.seed}-${process.pid}-${Date.now().toString(36)}`;
    const tablets = Array.from({ length: options.tablets ?? 5 }, (_, i) => new Tablet(`T${i + 1}`, CODES[i] ?? `K${i}`, runId, CLOCK_OFFSETS[i] ?? 0));
    const fair = await (tablets[0] as Tablet).createFair(nowOf(tablets[0] as Tablet)());
    const view = await organizerView(() => srv.url, fair.id, ORGANIZER);
    for (const tablet of tablets) await tablet.enrol(srv.url, await view.enrolment(), plainFetch);
    const join = async (tablet: Tablet): Promise<void> => {
      tablet.use();
      await tablet.sync(plainFetch, nowOf(tablet));
      await tablet.setUp(fair.id, nowOf(tablet)());
    };
    for (const tablet of tablets) await join(tablet);
    let reEnrolments = 0;
    const produced = (): number => tablets.reduce((n, x) => n + x.produced, 0);
    const freed = new FreedCheck(view, violations);

    const faults = faultyFetch(plainFetch, rng.fork('faults'), DEFAULT_PLAN);
    const killCount = options.kills ?? 1;
    const killAt = Array.from({ length: killCount }, (_, i) => Math.floor(total * (0.1 + (0.8 * (i + 0.25 + plan.next() * 0.5)) / killCount)));
    const backupAt = Math.floor(total * (0.25 + plan.next() * 0.1));
    const restoreAt = Math.floor(total * (0.55 + plan.next() * 0.1));
    log(`plan: ${total} events; kills at ${killAt.join(', ')}; backup at ${backupAt}; restore at ${restoreAt}`);

    // A kill is armed before a sync run and fired by that run's first push request.
    let armed: Kill | undefined;
    let fired: Kill | undefined;
    faults.onSend = (url, init) => {
      if (armed === undefined || !url.endsWith('/api/sync/push')) return;
      const kill = armed;
      armed = undefined;
      kill.batch = (JSON.parse(String(init?.body)) as { items: SyncItem[] }).items;
      kill.done = new Promise((done) => setTimeout(() => void srv.kill().then(done), kill.delayMs));
      fired = kill;
    };
    let downFor = 0;
    let backedUp = false;
    let restored = false;
    let serverItemsLost = 0;

    const runSync = async (tablet: Tablet): Promise<boolean> => {
      syncRuns++;
      try {
        await timed('sync', () => tablet.sync(faults.fetch, nowOf(tablet)));
        return true;
      } catch (e) {
        const code = e instanceof SyncStopped || e instanceof TransportError ? e.code : undefined;
        // A tablet enrolled after the backup is unknown to the restored server: the organizer
        // gives it a new code and it enrols again, as the same device (SY40–SY45), keeping its
        // device code when nobody else has it (SY30–SY34).
        if (code === 'UNAUTHENTICATED' && lateJoiners.has(tablet) && restored) {
          await tablet.enrol(srv.url, await view.enrolment(), plainFetch);
          reEnrolments++;
          log(`${tablet.name} enrolled again after the restore, device code ${tablet.deviceCode}`);
          return false;
        }
        if (e instanceof SyncStopped) throw new Error(`${tablet.name}: sync stopped (${e.code}); a person would have to act`);
        if (!(e instanceof TransportError)) throw e;
        syncFailures[e.code] = (syncFailures[e.code] ?? 0) + 1;
        return false;
      }
    };
    /** Tablets enrolled between the backup and the restore (the restored server never saw them). */
    const lateJoiners = new Set<Tablet>();
    /** A tablet that joins mid-run, its device code chosen by the server. */
    const newTablet = async (name: string): Promise<Tablet> => {
      const tablet = new Tablet(name, undefined, runId);
      await tablet.enrol(srv.url, await view.enrolment(), plainFetch);
      await join(tablet);
      tablets.push(tablet);
      log(`${name} enrolled at ${produced()} events, device code ${tablet.deviceCode}`);
      return tablet;
    };

    /** After the restart that follows a kill: the cut push is all on the server or not at all. */
    const judgeKill = async (kill: Kill): Promise<void> => {
      await view.refresh();
      const fresh = (kill.batch ?? []).filter((i) => !kill.before.has(i.id));
      const landed = fresh.filter((i) => view.items.has(i.id)).length;
      kills.push({ at: kill.at, delayMs: kill.delayMs, batchNew: fresh.length, landed });
      if (landed !== 0 && landed !== fresh.length) violations.add(`a push killed mid-batch left ${landed} of its ${fresh.length} new items on the server`);
      log(`the killed push (${kill.batch?.length} items, ${fresh.length} new) ${landed === 0 ? 'rolled back' : landed === fresh.length ? 'had committed' : 'was TORN'}`);
    };

    let pendingJudgement: Kill | undefined;
    let shown = 0;
    for (let step = 0; produced() < total; step++) {
      if (step > total * 20) throw new Error('the run made no progress');
      if (produced() >= shown + 1_000) {
        shown = produced() - (produced() % 1_000);
        log(`${produced()} events recorded, ${view.items.size} on the server at the last look; ${syncRuns} sync runs`);
      }
      if (!srv.alive && downFor-- <= 0) {
        await timed('server', () => srv.restart());
        log(`restarted at ${produced()} events`);
        if (pendingJudgement !== undefined) await judgeKill(pendingJudgement);
        pendingJudgement = undefined;
      }
      if (srv.alive && !backedUp && produced() >= backupAt) {
        backedUp = true;
        await timed('server', () => takeBackup(srv, dataDir, backupDir));
        await view.refresh();
        log(`backup taken at ${produced()} events (${view.items.size} on the server)`);
        lateJoiners.add(await newTablet('T6'));
      }
      if (srv.alive && backedUp && !restored && produced() >= restoreAt) {
        restored = true;
        await view.refresh();
        const before = view.items.size;
        log(await timed('server', () => restoreBackup(srv, dataDir, backupDir)));
        await view.refresh();
        serverItemsLost = before - view.items.size;
        log(`restored the backup at ${produced()} events: the server went from ${before} to ${view.items.size} items`);
        // A replacement tablet enrols at once, before any tablet has synced with the restored server.
        await newTablet('T7');
      }

      let tablet = schedule.pick(tablets);
      const killDue = srv.alive && kills.length + (pendingJudgement === undefined ? 0 : 1) < killCount && produced() >= (killAt[kills.length] ?? Infinity);
      let killNow = false;
      if (killDue) {
        // The kill goes to the tablet with the most queued items the server lacks, so the cut
        // push carries new items (else there would be nothing to tear); with none, the run goes on.
        await view.refresh();
        let most = 0;
        for (const candidate of tablets) {
          const queued = [...(await candidate.view()).outbox].filter((id) => !view.items.has(id)).length;
          if (queued > most) [most, tablet] = [queued, candidate];
        }
        killNow = most >= 5;
      }
      tablet.use();
      if (!killNow && schedule.chance(0.7)) {
        const burst = schedule.between(1, 12);
        await timed('act', async () => {
          for (let i = 0; i < burst && produced() < total; i++) await tablet.act(actions, nowOf(tablet)());
        });
        continue;
      }
      if (killNow) {
        armed = { at: produced(), delayMs: plan.between(2, 60), before: new Set(view.items.keys()) };
        // Nothing else may reach the server around the cut push, so its batch can be judged alone.
        faults.setPlan({ ...DEFAULT_PLAN, release: 0, dropRequest: 0, hold: 0 });
      }
      const ok = await runSync(tablet);
      faults.setPlan(DEFAULT_PLAN);
      armed = undefined; // an empty outbox pushed nothing: armed again at the next run
      if (fired !== undefined) {
        await fired.done;
        pendingJudgement = fired;
        fired = undefined;
        downFor = plan.between(0, 4);
        log(`killed the server ${pendingJudgement.delayMs} ms into a push of ${pendingJudgement.batch?.length} items at ${produced()} events; down for ${downFor} steps`);
      }
      if (ok && srv.alive) await timed('check', () => freed.after(tablet));
    }

    // The end: faults off, the server up, held requests delivered, then clean rounds.
    faults.setPlan(NO_FAULTS);
    if (!srv.alive) {
      await timed('server', () => srv.restart());
      if (pendingJudgement !== undefined) await judgeKill(pendingJudgement);
    }
    log(`all ${produced()} events recorded; faults off, ${faults.counts.held - faults.counts.replayed} held requests delivered, clean rounds`);
    await faults.releaseAll();
    for (let round = 0; round < 5; round++) {
      let clean = true;
      for (const tablet of tablets) {
        tablet.use();
        const run = await runSync(tablet);
        if (run) await timed('check', () => freed.after(tablet));
        else clean = false;
        if ((await tablet.view()).outbox.size > 0) clean = false;
      }
      if (clean && round >= 1) break;
    }

    const counts = await finalCounts(tablets, view);
    if (view.outOfOrder > 0) violations.add(`pull returned ${view.outOfOrder} rows out of server-sequence order`);
    const disagree = await disagreements(tablets, view);
    const codes = tablets.map((t) => t.deviceCode);
    if (new Set(codes).size !== codes.length) violations.add(`one device code went to two tablets: ${codes.join(', ')}`);
    return {
      seed: options.seed,
      ...counts,
      disagreements: disagree,
      reEnrolments,
      tablets: tablets.length,
      clockOffsets: tablets.filter((t) => t.clockOffsetMs !== 0).map((t) => `${t.name} ${t.clockOffsetMs > 0 ? '+' : ''}${t.clockOffsetMs / 3_600_000} h`),
      conflicts: await view.conflicts(),
      rejected: await view.rejected(),
      kills,
      backup: { at: backupAt, restoredAt: restoreAt, serverItemsLost },
      faults: { ...faults.counts },
      syncRuns,
      syncFailures,
      checks: freed.runs,
      violations: [...violations],
      timings: { act: Math.round(timings.act), sync: Math.round(timings.sync), check: Math.round(timings.check), server: Math.round(timings.server) },
      durationMs: performance.now() - started,
    };
  } catch (e) {
    throw new Error(
      `fault run seed ${options.seed} failed (replay: PROOF_SEED=${options.seed}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n` +
        `last server lines:\n${serverLog.slice(-20).join('\n')}`,
    );
  } finally {
    Tablet.close();
    await server?.stop().catch(() => undefined);
    // A server that failed to stop may still be writing there: never hide the run's own error.
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      console.warn(`could not remove ${root}: ${String(e)}`);
    }
  }
}
