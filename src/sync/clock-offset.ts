import { measureOffsetMs } from '../domain/hlc';
import { instantToMs, type Instant } from '../domain/time';
import type { FairCaseDb } from '../store/db';
import { inWrite, noteClockOffset } from '../store/write';
import { updateSyncState } from './sync-state';

/**
 * SY13: the tablet's clock against the server's, measured at every sync answer that says the
 * server's time: NTP-style, the answer's time taken as halfway between sending and receiving.
 */
export interface ClockReading {
  /** Positive: this tablet's clock is ahead of the server's; negative: behind (slow). */
  readonly offsetMs: number;
  /** Its uncertainty is at most half of this. */
  readonly roundTripMs: number;
  /** When it was measured, by this tablet's clock. */
  readonly at: Instant;
}

/** A request with the tablet's clock read just before sending and just after the answer. */
export async function timed<T>(now: () => Instant, call: () => Promise<T>): Promise<{ readonly reply: T; readonly sent: Instant; readonly received: Instant }> {
  const sent = now();
  const reply = await call();
  return { reply, sent, received: now() };
}

/** The reading of one answer; none from a server too old to say its time. */
export function readingOf(sent: Instant, received: Instant, serverTime: Instant | undefined): ClockReading | undefined {
  if (serverTime === undefined) return undefined;
  const s = instantToMs(sent);
  const r = instantToMs(received);
  return { offsetMs: measureOffsetMs(s, r, instantToMs(serverTime)), roundTripMs: Math.max(0, r - s), at: received };
}

/**
 * Inside a sync transaction over `meta`: the reading goes into the sync state (the sync screen,
 * the next push's report, SY14) and into the log state, whose next case events carry it while
 * it is beyond DL9 (SY16).
 */
export function keepReading(db: FairCaseDb, reading: ClockReading | undefined): Promise<void> {
  return inWrite(async () => {
    if (reading === undefined) return;
    await updateSyncState(db, (s) => ({ ...s, clock: reading }));
    await noteClockOffset(db, reading.offsetMs);
  });
}
