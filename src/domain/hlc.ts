import { z } from 'zod';

/**
 * Hybrid logical clock (Kulkarni et al., 2014) stamped on every event. It orders events across
 * devices even when their wall clocks disagree: causal order first, then wall time, then the
 * device id (CS5). Skew is warned about (DL9), never refused.
 *
 * Wire form: `<wall ms, 15 digits>-<counter, 4 base-36 digits>-<node>`, so that comparing the
 * strings compares the clocks.
 */
export const HLC_PATTERN = /^\d{15}-[0-9a-z]{4}-[0-9A-Z]{1,26}$/;
export const Hlc = z.string().regex(HLC_PATTERN, { message: 'HLC' }).brand<'Hlc'>();
export type Hlc = z.infer<typeof Hlc>;

export interface HlcParts {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 36 ** 4 - 1;

export const formatHlc = ({ wallMs, counter, node }: HlcParts): Hlc =>
  `${String(wallMs).padStart(15, '0')}-${counter.toString(36).padStart(4, '0')}-${node}` as Hlc;

export function parseHlc(hlc: Hlc): HlcParts {
  const [wall = '0', counter = '0', node = ''] = hlc.split('-');
  return { wallMs: Number(wall), counter: parseInt(counter, 36), node };
}

export const compareHlc = (a: Hlc, b: Hlc): number => (a < b ? -1 : a > b ? 1 : 0);

/** The next stamp for a local event. `nowMs` is the device's wall clock, passed in. */
export function tickHlc(last: Hlc | undefined, nowMs: number, node: string): Hlc {
  const prev = last === undefined ? { wallMs: 0, counter: 0 } : parseHlc(last);
  if (nowMs > prev.wallMs) return formatHlc({ wallMs: nowMs, counter: 0, node });
  return bump(prev.wallMs, prev.counter, node);
}

/** Advances the local clock past a stamp received from another device. */
export function receiveHlc(last: Hlc | undefined, remote: Hlc, nowMs: number, node: string): Hlc {
  const l = last === undefined ? { wallMs: 0, counter: 0 } : parseHlc(last);
  const r = parseHlc(remote);
  const wall = Math.max(l.wallMs, r.wallMs, nowMs);
  if (wall === nowMs && wall > l.wallMs && wall > r.wallMs) return formatHlc({ wallMs: wall, counter: 0, node });
  const counter = wall === l.wallMs && wall === r.wallMs ? Math.max(l.counter, r.counter) : wall === l.wallMs ? l.counter : r.counter;
  return bump(wall, counter, node);
}

function bump(wallMs: number, counter: number, node: string): Hlc {
  // A counter overflow moves the logical wall forward by a millisecond instead of wrapping.
  return counter >= MAX_COUNTER
    ? formatHlc({ wallMs: wallMs + 1, counter: 0, node })
    : formatHlc({ wallMs, counter: counter + 1, node });
}

/** How far a stamp's wall time is ahead of (positive) or behind `nowMs`; DL9 warns over 2 min. */
export const hlcDriftMs = (hlc: Hlc, nowMs: number): number => parseHlc(hlc).wallMs - nowMs;
export const CLOCK_DRIFT_WARNING_MS = 2 * 60_000;

/** The local clock after receiving every stamp of `remote` (SY10): the receive rule, once per stamp. */
export function receiveAll(last: Hlc | undefined, remote: readonly Hlc[], nowMs: number, node: string): Hlc | undefined {
  // The rule is monotone in the remote stamp: receiving the greatest one is receiving them all.
  const top = remote.reduce<Hlc | undefined>((m, h) => (m === undefined || h > m ? h : m), undefined);
  // Nothing newer than the local clock: its next tick is after them already, and the same page
  // or bundle received twice leaves the log state as it was (BN11).
  if (top === undefined || (last !== undefined && top <= last)) return last;
  return receiveHlc(last, top, nowMs, node);
}

/**
 * A time from outside the device log (a phone's filing time, a server's time) as a stamp to
 * receive. A phone is anyone's (QR12): its time counts at most `MAX_FOREIGN_LEAD_MS` ahead of
 * the local clock, so a forged frame cannot push every later stamp of this tablet into the future (SY12).
 */
export const MAX_FOREIGN_LEAD_MS = 24 * 3_600_000;
export const stampOfTime = (wallMs: number, nowMs: number): Hlc => formatHlc({ wallMs: Math.max(0, Math.min(wallMs, nowMs + MAX_FOREIGN_LEAD_MS)), counter: 0, node: '0' });

/**
 * The device's clock against the server's, measured NTP-style from one request (SY13): the
 * device's send and receive times and the server's time in its answer, assumed halfway.
 * Positive: the device's clock is ahead (fast); negative: behind (slow).
 */
export const measureOffsetMs = (sentMs: number, receivedMs: number, serverMs: number): number => Math.round((sentMs + receivedMs) / 2 - serverMs);

/** DL9: an offset the people reading a recorded time must be told of. */
export const offsetWorthNoting = (offsetMs: number | undefined): offsetMs is number => offsetMs !== undefined && Math.abs(offsetMs) > CLOCK_DRIFT_WARNING_MS;
