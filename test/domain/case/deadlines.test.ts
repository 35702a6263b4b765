import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  allowsOverdueMark,
  clockDriftWarning,
  isInTime,
  isOverdue,
  minutesLeft,
  startDeadline,
  urgency,
} from '../../../src/domain/case/deadlines';
import { deskIntervals, fairCloseAt } from '../../../src/domain/fair';
import { addMinutes, instantFromMs, instantToMs } from '../../../src/domain/time';
import { local, makeFair } from '../../support/builders';

const fair = makeFair();
const withWindow = (kind: 'defence' | 'handover' | 'acceptance', hours: number, clock: 'elapsed' | 'opening') =>
  makeFair({ settings: { windows: { [kind]: { hours, clock } } } });

describe('deadlines (DL1–DL9, FS7)', () => {
  test('[DL1] elapsed counts wall time, opening counts desk hours only', () => {
    const start = local('2025-04-15 15:00');
    const elapsed = startDeadline(withWindow('defence', 4, 'elapsed'), 'defence', start);
    const opening = startDeadline(withWindow('defence', 4, 'opening'), 'defence', start);
    // 15:00 + 4 h = 19:00, desk closed → next opening 09:00 + 60 min (DL2).
    expect(elapsed.dueAt).toBe(local('2025-04-16 10:00'));
    // 2 h today (15–17), 2 h tomorrow (09–11).
    expect(opening.dueAt).toBe(local('2025-04-16 11:00'));
  });

  test('[DL2] elapsed: due = start + hours while the desk is open, else next opening + 60 min', () => {
    expect(startDeadline(fair, 'defence', local('2025-04-15 10:30')).dueAt).toBe(local('2025-04-16 10:30'));
    expect(startDeadline(fair, 'defence', local('2025-04-15 17:00')).dueAt).toBe(local('2025-04-16 17:00'));
    const twelve = withWindow('defence', 12, 'elapsed');
    expect(startDeadline(twelve, 'defence', local('2025-04-15 10:00')).dueAt).toBe(local('2025-04-16 10:00'));
    // Ending at 08:30 before opening → 10:00.
    const short = withWindow('defence', 15.5, 'elapsed');
    expect(startDeadline(short, 'defence', local('2025-04-15 17:00')).dueAt).toBe(local('2025-04-16 10:00'));
  });

  test('[DL3] opening: counting starts at the next opening and pauses while closed', () => {
    // The acceptance target (60 min, opening) of a complaint filed before the desk opens.
    expect(startDeadline(fair, 'acceptance', local('2025-04-16 07:45')).dueAt).toBe(local('2025-04-16 10:00'));
    expect(startDeadline(fair, 'acceptance', local('2025-04-16 16:30')).dueAt).toBe(local('2025-04-17 09:30'));
    // Measure window: 2 h opening, over a night.
    expect(startDeadline(fair, 'measure', local('2025-04-15 16:00')).dueAt).toBe(local('2025-04-16 10:00'));
    const nine = withWindow('defence', 9, 'opening');
    expect(startDeadline(nine, 'defence', local('2025-04-15 09:00')).dueAt).toBe(local('2025-04-16 10:00'));
  });

  test('[DL4] windows are capped at fair close, except handover', () => {
    const d = startDeadline(fair, 'defence', local('2025-04-19 10:00'));
    expect(d).toMatchObject({ dueAt: fairCloseAt(fair), capped: true });
    expect(startDeadline(fair, 'defence', local('2025-04-15 10:00')).capped).toBe(false);
    const h = startDeadline(fair, 'handover', local('2025-04-19 10:00'));
    expect(h).toMatchObject({ dueAt: local('2025-04-20 10:00'), capped: false });
    const explicitClose = makeFair({ closeAt: local('2025-04-19 12:00') });
    expect(startDeadline(explicitClose, 'supplement', local('2025-04-18 14:00'))).toMatchObject({
      dueAt: local('2025-04-19 12:00'),
      capped: true,
    });
  });

  test('[DL5] in time at or before dueAt; overdue only when now > dueAt and the awaited event is absent', () => {
    const d = startDeadline(fair, 'defence', local('2025-04-15 10:30'));
    expect(isInTime(d, d.dueAt)).toBe(true);
    expect(isInTime(d, addMinutes(d.dueAt, 1))).toBe(false);
    expect(isOverdue(d, d.dueAt)).toBe(false);
    expect(isOverdue(d, addMinutes(d.dueAt, 1))).toBe(true);
    expect(isOverdue(d, addMinutes(d.dueAt, 1), true)).toBe(false);
  });

  test('[DL6] a capped defence window does not allow the overdue mark', () => {
    expect(allowsOverdueMark(startDeadline(fair, 'defence', local('2025-04-19 10:00')))).toBe(false);
    expect(allowsOverdueMark(startDeadline(fair, 'defence', local('2025-04-15 10:00')))).toBe(true);
  });

  test('[DL8] urgency is normal, amber at ≤25 % or ≤30 min left, red when overdue', () => {
    const d = startDeadline(fair, 'defence', local('2025-04-15 10:00')); // due 04-16 10:00, 24 h
    expect(urgency(d, local('2025-04-15 11:00'))).toBe('normal');
    expect(urgency(d, local('2025-04-16 04:00'))).toBe('amber'); // 6 h left = 25 %
    expect(urgency(d, local('2025-04-16 03:59'))).toBe('normal');
    expect(urgency(d, d.dueAt)).toBe('amber');
    expect(urgency(d, addMinutes(d.dueAt, 1))).toBe('red');
    const m = startDeadline(fair, 'acceptance', local('2025-04-15 10:00')); // 60 min
    expect(urgency(m, local('2025-04-15 10:29'))).toBe('normal');
    expect(urgency(m, local('2025-04-15 10:30'))).toBe('amber');
    expect(minutesLeft(m, local('2025-04-15 10:30'))).toBe(30);
    expect(minutesLeft(m, local('2025-04-15 11:05'))).toBe(-5);
  });

  test('[DL9] a device clock more than 2 min off the server is warned about', () => {
    const server = local('2025-04-15 10:00');
    expect(clockDriftWarning(addMinutes(server, 2), server)).toBe(false);
    expect(clockDriftWarning(addMinutes(server, 2.1), server)).toBe(true);
    expect(clockDriftWarning(addMinutes(server, -3), server)).toBe(true);
  });
});

describe('deadline properties (fast-check, 1,000 runs each)', () => {
  const desk = deskIntervals(fair).map((i) => [instantToMs(i.opensAt), instantToMs(i.closesAt)] as const);
  const close = instantToMs(fairCloseAt(fair));
  const deskMinutesBetween = (from: number, to: number): number =>
    desk.reduce((sum, [o, c]) => sum + Math.max(0, Math.min(c, to) - Math.max(o, from)), 0) / 60_000;
  const startArb = fc.integer({ min: instantToMs(local('2025-04-14 20:00')), max: instantToMs(local('2025-04-19 18:00')) }).map((ms) => instantFromMs(ms - (ms % 60_000)));
  const hoursArb = fc.integer({ min: 1, max: 96 }).map((q) => q / 4);

  test('[DL3] an uncapped opening window holds exactly its hours of desk time; a capped one ends at close', () => {
    fc.assert(
      fc.property(startArb, hoursArb, (start, hours) => {
        const d = startDeadline(makeFair({ settings: { windows: { measure: { hours, clock: 'opening' } } } }), 'measure', start);
        const due = instantToMs(d.dueAt);
        expect(due).toBeGreaterThanOrEqual(instantToMs(start));
        if (d.capped) expect(due).toBe(Math.max(close, instantToMs(start)));
        else expect(deskMinutesBetween(instantToMs(start), due)).toBeCloseTo(hours * 60, 6);
      }),
      { numRuns: 1000 },
    );
  });

  test('[DL2] an elapsed window ends at start + hours inside desk hours, else 60 min after the next opening', () => {
    fc.assert(
      fc.property(startArb, hoursArb, (start, hours) => {
        const d = startDeadline(makeFair({ settings: { windows: { supplement: { hours, clock: 'elapsed' } } } }), 'supplement', start);
        const raw = instantToMs(start) + hours * 3_600_000;
        const open = desk.some(([o, c]) => raw >= o && raw <= c);
        const next = desk.find(([o]) => o > raw);
        const expected = open || next === undefined ? raw : next[0] + 60 * 60_000;
        // DL4: capped at fair close.
        expect(d.capped).toBe(expected > close);
        expect(instantToMs(d.dueAt)).toBe(expected > close ? Math.max(close, instantToMs(start)) : expected);
      }),
      { numRuns: 1000 },
    );
  });
});
