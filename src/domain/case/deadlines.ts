import { z } from 'zod';
import { deskIntervals, fairCloseAt, Window, WINDOW_KINDS } from '../fair';
import type { Fair, WindowKind } from '../fair';
import { CLOCK_DRIFT_WARNING_MS } from '../hlc';
import { Instant, instantFromMs, instantToMs, MINUTE_MS } from '../time';

/**
 * Deadlines DL1–DL7 (`case/SPEC.md`) and the windows of FS7, computed from the fair's settings.
 * A deadline is computed once, when its window starts, and stored in the starting event (DL7):
 * nothing here is called again on replay.
 */

export const DeadlineKind = z.enum(WINDOW_KINDS);
export type DeadlineKind = WindowKind;

export const Deadline = z.object({
  kind: DeadlineKind,
  window: Window,
  startedAt: Instant,
  dueAt: Instant,
  /** DL4: cut back to `fairCloseAt`; printed "截至闭展 / until fair close". */
  capped: z.boolean(),
});
export type Deadline = z.infer<typeof Deadline>;

/** DL2: when an elapsed window ends while the desk is closed, it ends 60 min after the next opening. */
export const CLOSED_DESK_GRACE_MINUTES = 60;

type Interval = { readonly opensAt: number; readonly closesAt: number };

interface Calendar {
  readonly desk: readonly Interval[];
  readonly close: number;
}

/** Desk hours and close of a parsed fair (immutable), computed once per fair object: zone maths is slow. */
const calendars = new WeakMap<Fair, Calendar>();
function calendarOf(fair: Fair): Calendar {
  let c = calendars.get(fair);
  if (c === undefined) {
    c = {
      desk: deskIntervals(fair).map((i) => ({ opensAt: instantToMs(i.opensAt), closesAt: instantToMs(i.closesAt) })),
      close: instantToMs(fairCloseAt(fair)),
    };
    calendars.set(fair, c);
  }
  return c;
}

/** DL2 `elapsed`: wall time; an end outside desk hours moves to the next opening + 60 min. */
function elapsedDue(start: number, minutes: number, desk: readonly Interval[]): number {
  const due = start + minutes * MINUTE_MS;
  if (desk.some((i) => due >= i.opensAt && due <= i.closesAt)) return due;
  const next = desk.find((i) => i.opensAt > due);
  // After the last desk day there is no next opening: wall time stands (DL4 caps it anyway).
  return next === undefined ? due : next.opensAt + CLOSED_DESK_GRACE_MINUTES * MINUTE_MS;
}

/** DL3 `opening`: count desk time only, from the start or the next opening, pausing while closed. */
function openingDue(start: number, minutes: number, desk: readonly Interval[]): number {
  let remaining = minutes * MINUTE_MS;
  let last = start;
  for (const i of desk) {
    if (i.closesAt <= start) continue;
    const from = Math.max(start, i.opensAt);
    const available = i.closesAt - from;
    if (available >= remaining) return from + remaining;
    remaining -= available;
    last = i.closesAt;
  }
  // Desk hours ran out before the window did: the rest runs on after the last closing
  // (only an uncapped window, handover, can end there).
  return last + remaining;
}

/** `fairCloseAt(fair)`, cached per fair object (decide checks it on every command, CS4). */
export const closeAtOf = (fair: Fair): Instant => instantFromMs(calendarOf(fair).close);

/** The deadline of window `kind` starting at `start`, per the fair's settings (DL1–DL4). */
export function startDeadline(fair: Fair, kind: DeadlineKind, start: Instant): Deadline {
  const window = fair.settings.windows[kind];
  const { desk, close } = calendarOf(fair);
  const startMs = instantToMs(start);
  const minutes = window.hours * 60;
  const raw = window.clock === 'elapsed' ? elapsedDue(startMs, minutes, desk) : openingDue(startMs, minutes, desk);
  // DL4: every window but handover (2006 Art. 11, 24 h even after the fair) stops at fair close.
  const capped = kind !== 'handover' && raw > close;
  return { kind, window, startedAt: start, dueAt: instantFromMs(capped ? Math.max(close, startMs) : raw), capped };
}

/** DL5: recorded at or before `dueAt` is in time. */
export const isInTime = (deadline: Deadline, recordedAt: Instant): boolean => recordedAt <= deadline.dueAt;

/** DL5: overdue when `now` is past `dueAt` and the awaited event is absent. */
export const isOverdue = (deadline: Deadline, now: Instant, awaitedRecorded = false): boolean =>
  !awaitedRecorded && now > deadline.dueAt;

/** DL6: a capped defence window never makes the case DEFENCE_OVERDUE; it goes PENDING_AT_CLOSE instead. */
export const allowsOverdueMark = (deadline: Deadline): boolean => !deadline.capped;

export const URGENCY_LEVELS = ['normal', 'amber', 'red'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

/** DL8 amber thresholds: ≤25 % of the window left, or ≤30 min. */
export const AMBER_SHARE = 0.25;
export const AMBER_MINUTES = 30;

/**
 * DL8: red when overdue; amber when at most 25 % of the window (wall time from start to due)
 * or at most 30 min is left; else normal.
 */
export function urgency(deadline: Deadline, now: Instant): Urgency {
  const due = instantToMs(deadline.dueAt);
  const left = due - instantToMs(now);
  if (left < 0) return 'red';
  const span = due - instantToMs(deadline.startedAt);
  return left <= AMBER_MINUTES * MINUTE_MS || left <= span * AMBER_SHARE ? 'amber' : 'normal';
}

/** DL8: minutes left (negative when overdue), for the countdown beside the absolute time. */
export const minutesLeft = (deadline: Deadline, now: Instant): number =>
  Math.floor((instantToMs(deadline.dueAt) - instantToMs(now)) / MINUTE_MS);

/** DL9: warn when the device clock was more than 2 min off the server's at the last sync. */
export const clockDriftWarning = (deviceAt: Instant, serverAt: Instant): boolean =>
  Math.abs(instantToMs(deviceAt) - instantToMs(serverAt)) > CLOCK_DRIFT_WARNING_MS;
