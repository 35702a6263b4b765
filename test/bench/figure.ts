/**
 * One line of `npm run bench`. A figure has a goal; where it has a baseline (the same work done
 * the plain way, measured in the same run on the same noisy machine), the ratio is printed too.
 */
export interface Figure {
  /** Budget id and what is measured, e.g. `P1 durable save`. */
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal: { readonly op: '<=' | '>='; readonly value: number };
  /** value / baseline, with its own goal where the issue sets one (e.g. "at most 3×"). */
  readonly ratio?: { readonly baselineName: string; readonly value: number; readonly goal?: number };
  /** Extra facts printed after the line (frame count, hashing share, …). */
  readonly note?: string;
  /** The one-minute load average when the figure was taken, printed after PASS/FAIL (a shared machine's times are noisy). */
  readonly load?: number;
}

export const meets = (f: Figure): boolean =>
  (f.goal.op === '<=' ? f.value <= f.goal.value : f.value >= f.goal.value) &&
  (f.ratio?.goal === undefined || f.ratio.value <= f.ratio.goal);

export interface BenchSuite {
  readonly name: string;
  /** Seconds the suite may take before the run gives up on it (suite-runner.ts has the default). */
  readonly timeLimitS?: number;
  run(): Promise<readonly Figure[]>;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};
