import { reachCount } from '../../support/fc-seed';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Case, OPINION_BASES, brokenInvariants } from '../../../src/domain/case/case';
import { formatCaseNumber, parseCaseNumber } from '../../../src/domain/case/case-number';
import type { DeviceCode } from '../../../src/domain/case/case-number';
import { COMMAND_TYPES } from '../../../src/domain/case/commands';
import type { CommandType } from '../../../src/domain/case/commands';
import { CaseEvent } from '../../../src/domain/case/events';
import { fold } from '../../../src/domain/case/fold';
import { CASE_ERROR_CODES, FROM } from '../../../src/domain/case/rules';
import { CASE_STATES, MEASURE_CODES, NOT_ACCEPTED_REASONS, OUTCOMES } from '../../../src/domain/codes';
import type { CaseState } from '../../../src/domain/codes';
import { USCC_ALPHABET } from '../../../src/domain/validators/uscc';
import type { FairCode } from '../../../src/domain/fair';
import { addMinutes } from '../../../src/domain/time';
import { actors, AUTHORITY_ENFORCEMENT, Desk, deviceId, evidenceId, makeCase } from '../../support/builders';
import type { Step } from '../../support/builders';

/**
 * Property tests, ≥1,000 runs each. A failure prints fast-check's seed and the
 * shrunk counterexample; rerun with `{ seed, path }` to replay it.
 */
const RUNS = 1000;
/** Generous: 2 shared cores run these next to everything else. */
const TIMEOUT_MS = 120_000;

const ACTORS = Object.values(actors);

/** One generated step: usually a command that may start in the current state, sometimes any. */
const StepArb = fc.record({
  fitting: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  // Unbiased: fast-check favours small numbers, which would always pick the first command.
  pick: fc.noBias(fc.nat(719)),
  // Mostly the usual actor of the command; sometimes anyone (FORBIDDEN_ROLE paths).
  actor: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...ACTORS), weight: 1 }),
  minutes: fc.noBias(fc.integer({ min: 0, max: 26 * 60 })),
  ownTime: fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 3 }),
  variant: fc.noBias(fc.nat(719)),
});
const StartArb = fc.option(fc.constantFrom(...CASE_STATES), { freq: 4 });
type GenStep = typeof StepArb extends fc.Arbitrary<infer T> ? T : never;

function chooseType(state: CaseState | undefined, s: GenStep): CommandType {
  const fitting = state === undefined ? (['Submit'] as CommandType[]) : COMMAND_TYPES.filter((t) => (FROM[t] as readonly string[]).includes(state));
  const list = s.fitting && fitting.length > 0 ? fitting : COMMAND_TYPES;
  return list[s.pick % list.length] as CommandType;
}

/** Payload variations that take other branches of the machine (and its guards). */
function variantPayload(type: CommandType, v: number): Record<string, unknown> | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[v % xs.length] as T;
  switch (type) {
    case 'IssueOpinion':
      return v % 3 === 0 ? { conclusion: pick(['ESTABLISHED_ALLEGED', 'NOT_ESTABLISHED']), basis: OPINION_BASES[(v >> 2) % 4] } : undefined;
    case 'VerifyMeasure':
      return { result: v % 4 === 0 ? 'refused' : 'done', ...(v % 7 === 0 ? { measureIndex: v % 3 } : {}) };
    case 'Reject':
      return { reason: pick(NOT_ACCEPTED_REASONS), text: v % 2 === 0 ? '说明' : undefined };
    case 'DecideReview':
      return { decision: pick(['upheld', 'overturned']) };
    case 'Transfer':
      return v % 2 === 0 ? { authorityName: AUTHORITY_ENFORCEMENT, kind: 'enforcement' } : undefined;
    case 'RequestReview':
      return { party: pick(['respondent', 'complainant']) };
    case 'RecordDefence':
      return v % 2 === 0 ? { goodCause: { reason: '交通延误', expertId: actors.expert.userId } } : undefined;
    case 'Close':
      return v % 2 === 0 ? { reviewWaiver: { complainantSignatureEvidenceId: evidenceId(1), respondentSignatureEvidenceId: evidenceId(2) } } : undefined;
    case 'RecordPostShowResult':
      return { outcome: pick(OUTCOMES), authorityResult: v % 3 === 0 ? undefined : '已处理' };
    case 'OrderMeasures':
    case 'ReorderAfterRedisplay':
      return v % 3 === 0 ? { measures: [{ code: pick(MEASURE_CODES) }, { code: 'COVER', itemIndex: v % 2 }] } : undefined;
    case 'Accept':
      return v % 5 === 0 ? { checklist: [] } : undefined;
    default:
      return undefined;
  }
}

/** States the generated runs reached: the property means little if they stay near RECEIVED. */
const visited = new Set<CaseState>();
/** Error codes the runs met: each must be one the app can translate. */
const errorCodes = new Set<string>();

/** A case in `state`, built once per state and shared (cases and events are immutable values). */
const templates = new Map<CaseState, Desk>();
function fromTemplate(state: CaseState): Desk {
  let t = templates.get(state);
  if (t === undefined) {
    t = makeCase({ state });
    templates.set(state, t);
  }
  // Same tablet, ids far past the template's.
  return t.branch(t.device, 100_000);
}

/** Runs the generated steps on `desk`; after each, the case is valid or, on a refusal, untouched. */
function play(desk: Desk, steps: readonly GenStep[]): void {
  for (const s of steps) {
    const type = chooseType(desk.case?.state, s);
    const before = desk.case;
    const step: Step = {
      actor: s.actor ?? undefined,
      at: s.ownTime ? addMinutes(desk.now, s.minutes) : undefined,
      payload: variantPayload(type, s.variant),
    };
    let result;
    try {
      result = desk.try(type, step);
    } catch (e) {
      // A payload variant the command schema refuses (a boundary error, not a state).
      if (e instanceof Error && e.name === 'ZodError') continue;
      throw e;
    }
    if (!result.ok) {
      expect(desk.case).toBe(before);
      errorCodes.add(result.error.code);
    }
    if (desk.case !== undefined) {
      visited.add(desk.case.state);
      expect(brokenInvariants(desk.case)).toEqual([]);
    }
  }
}

describe('properties of the case machine (fast-check)', () => {
  test('[CS1] any sequence of commands yields only valid states', () => {
    const count = reachCount('[CS1] valid states');
    fc.assert(
      fc.property(StartArb, fc.array(StepArb, { minLength: 1, maxLength: 30, size: 'max' }), (start, steps) => {
        // From nothing, or from any state reached the ordinary way (so deep states get their share).
        const desk = start === null ? new Desk() : fromTemplate(start);
        play(desk, steps);
        if (desk.case === undefined) return;
        count.reached();
        const parsed = Case.safeParse(desk.case);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        // What a device folds from its own events is what it built step by step.
        expect(fold(desk.events)).toEqual(desk.case);
      }),
      { numRuns: RUNS },
    );
    expect(count.report(RUNS)).toBeGreaterThanOrEqual(RUNS / 2);
    expect([...CASE_STATES].filter((st) => !visited.has(st))).toEqual([]);
    expect([...errorCodes].filter((c) => !CASE_ERROR_CODES.includes(c))).toEqual([]);
    // Runs reach well over ten different refusals (17 in a typical run); fewer means a weak generator.
    expect(errorCodes.size).toBeGreaterThanOrEqual(10);
  }, TIMEOUT_MS);

  test('[CS5] folding the same events in any arrival order yields the same case', () => {
    let conflicts = 0;
    const forked = fc.record({
      prefix: fc.array(StepArb, { maxLength: 15, size: 'max' }),
      left: fc.array(StepArb, { maxLength: 8 }),
      right: fc.array(StepArb, { maxLength: 8 }),
      third: fc.array(StepArb, { maxLength: 4 }),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }),
    });
    fc.assert(
      fc.property(StartArb, forked, (start, { prefix, left, right, third, order }) => {
        const a = fromTemplate(start ?? 'RECEIVED');
        play(a, prefix);
        const shared = a.events.length;
        const b = a.branch(deviceId(2), 5000);
        const c = a.branch(deviceId(3), 9000);
        play(a, left);
        play(b, right);
        play(c, third);
        const all = [...new Map([...a.events, ...b.events, ...c.events].map((e) => [e.id, e])).values()];
        expect(all.length).toBe(a.events.length + b.events.length + c.events.length - 2 * shared);
        const shuffled = all.map((e, i) => ({ e, k: order[i % order.length] ?? 0, i })).sort((x, y) => x.k - y.k || x.i - y.i).map((x) => x.e);
        const reversed = [...all].reverse();
        const folded = fold(all);
        expect(fold(shuffled)).toEqual(folded);
        if (folded?.flags.includes('CONFLICT')) conflicts++;
        expect(fold(reversed)).toEqual(folded);
        if (folded === undefined) throw new Error('the Submit is always there');
        expect(brokenInvariants(folded)).toEqual([]);
        expect(Case.safeParse(folded).success).toBe(true);
        expect(folded.eventCount).toBe(all.length);
        // The branches' own events cross the wire (the shared prefix is the builder's, checked elsewhere).
        for (const e of all.slice(-3)) expect(CaseEvent.safeParse(JSON.parse(JSON.stringify(e))).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // Some forks must have collided, or the property proved nothing about CONFLICT.
    expect(conflicts).toBeGreaterThan(RUNS / 100);
  }, TIMEOUT_MS);

  test('[CN4] case numbers never repeat across devices', () => {
    const code = fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(code, { minLength: 2, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 6, maxLength: 6 }), (devices, counts) => {
        const fair = 'CF137' as FairCode;
        const numbers = devices.flatMap((device, d) =>
          Array.from({ length: counts[d] ?? 1 }, (_, i) => formatCaseNumber({ fair, device: device as DeviceCode, seq: i + 1 })),
        );
        expect(new Set(numbers).size).toBe(numbers.length);
        // Each device's last number reads back as itself among the enrolled devices (CN3).
        for (const [d, device] of devices.entries()) {
          const n = formatCaseNumber({ fair, device: device as DeviceCode, seq: counts[d] ?? 1 });
          const back = parseCaseNumber(n, { fair, devices });
          expect(back.ok && back.value.caseNo).toBe(n);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});
