/**
 * Fold 10,000 case events into cases (events per second). The events come from
 * the real state machine (every path of the lifecycle, ~1,000 cases), arrive shuffled, and are
 * folded with the causal order and replay guards of CS5 (`foldAll`). Baseline: `JSON.parse` of
 * the same events, the least a device does with a pulled page, measured alternately in the same
 * run; the ratio is how many times slower the fold is. Times are this process's CPU time
 * (`process.cpuUsage`), not wall time: on the 2 shared cores other work would otherwise count.
 */
import { CASE_STATES } from '../../src/domain/codes';
import type { CaseEvent } from '../../src/domain/case/events';
import { foldAll } from '../../src/domain/case/fold';
import { addMinutes } from '../../src/domain/time';
import { caseId, Desk, deviceId, local, makeFair, PATHS } from '../support/builders';
import type { BenchSuite, Figure } from './figure';
import { median } from './figure';

const EVENTS = 10_000;
const ROUNDS = 15;
const WARMUP = 3;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** ~1,000 cases over every lifecycle path, a few notes each; exactly EVENTS events, shuffled. */
export function benchEvents(count = EVENTS): CaseEvent[] {
  const fair = makeFair();
  const events: CaseEvent[] = [];
  for (let n = 0; events.length < count; n++) {
    const state = CASE_STATES[n % CASE_STATES.length] ?? 'RECEIVED';
    const desk = new Desk(fair, addMinutes(local('2025-04-15 09:00'), n % 300), deviceId(1 + (n % 7)), caseId(n + 1), n * 100);
    for (const type of PATHS[state]) desk.must(type);
    for (let i = 0; i < n % 4; i++) desk.try('AddNote');
    events.push(...desk.events);
  }
  const out = events.slice(0, count);
  let s = 42;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as CaseEvent, out[i] as CaseEvent];
  }
  return out;
}

export const foldBench: BenchSuite = {
  name: 'fold',
  async run(): Promise<readonly Figure[]> {
    const events = benchEvents();
    const json = JSON.stringify(events);
    const foldMs: number[] = [];
    const parseMs: number[] = [];
    let cases = 0;
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const t0 = cpuMs();
      cases = foldAll(events).size;
      const t1 = cpuMs();
      const parsed = JSON.parse(json) as unknown[];
      const t2 = cpuMs();
      if (parsed.length !== events.length) throw new Error('baseline parsed the wrong count');
      if (round >= WARMUP) {
        foldMs.push(t1 - t0);
        parseMs.push(t2 - t1);
      }
    }
    const foldRate = EVENTS / (median(foldMs) / 1000);
    const parseRate = EVENTS / (median(parseMs) / 1000);
    return [
      {
        name: 'fold 10,000 case events into cases',
        value: foldRate,
        unit: 'events/s',
        goal: { op: '>=', value: 50_000 },
        ratio: { baselineName: 'JSON.parse of the same events', value: parseRate / foldRate, goal: 3 },
        note: `${cases} cases; median CPU time of ${ROUNDS}: fold ${median(foldMs).toFixed(1)} ms, JSON.parse ${median(parseMs).toFixed(1)} ms`,
      },
    ];
  },
};
