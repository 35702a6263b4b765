import { measureOffsetMs } from '../domain/hlc';
import { instantToMs, type Instant } from '../domain/time';
import type { ClockReading } from '../store';

/**
 * SY13: the tablet's clock against the server's, measured at every sync answer that says the
 * server's time: NTP-style, the answer's time taken as halfway between sending and receiving.
 * The store keeps the reading (`ClockReading`) with the write the answer leads to.
 */
export type { ClockReading };

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
