/**
 * Runs the bench's suites one after another, each within its time limit, so that one suite that
 * hangs (a page promise that never settles, a database open that waits for ever) costs its time
 * limit and one `error:` line, and the run goes on with the next suite.
 */
import type { BenchSuite, Figure } from './figure';
import { fmt, toLine, type ReportLine, type SuiteError } from './report';

/** A suite that names no limit of its own gets this one. */
export const DEFAULT_TIME_LIMIT_S = 600;

export interface SuiteRun {
  readonly lines: readonly ReportLine[];
  readonly errors: readonly SuiteError[];
}

/** `summary` picks the suite of that exact name; a word no name equals picks every name containing it. */
export const selectSuites = (suites: readonly BenchSuite[], only: readonly string[]): readonly BenchSuite[] =>
  only.length === 0 ? suites : suites.filter((s) => only.some((o) => (suites.some((x) => x.name === o) ? s.name === o : s.name.includes(o))));

const NEVER = Symbol('timed out');

/** The suite's figures, or the message of its error or time-out. */
export async function runWithin(suite: BenchSuite, limitS: number): Promise<{ readonly figures: readonly Figure[] } | { readonly error: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<typeof NEVER>((resolve) => {
    timer = setTimeout(() => resolve(NEVER), limitS * 1000);
  });
  try {
    const figures = await Promise.race([suite.run(), limit]);
    return figures === NEVER ? { error: `timed out after ${fmt(limitS)} s` } : { figures };
  } catch (e) {
    return { error: e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

const figureLine = (f: Figure, pass: boolean): string => {
  const ratio = f.ratio === undefined ? '' : `  ×${fmt(f.ratio.value)} of ${f.ratio.baselineName}${f.ratio.goal === undefined ? '' : ` (goal ≤ ${f.ratio.goal}×)`}`;
  const load = f.load === undefined ? '' : `  at load ${f.load.toFixed(1)}`;
  return `${f.name.padEnd(44)}  ${fmt(f.value).padStart(10)}  ${f.unit.padEnd(10)}  goal ${f.goal.op} ${fmt(f.goal.value)}${ratio}  ${pass ? 'PASS' : 'FAIL'}${load}`;
};

/** Every suite in turn; one line per figure, or one `error:` line per suite that failed or ran over. */
export async function runSuites(suites: readonly BenchSuite[], log: (line: string) => void): Promise<SuiteRun> {
  const lines: ReportLine[] = [];
  const errors: SuiteError[] = [];
  for (const suite of suites) {
    const outcome = await runWithin(suite, suite.timeLimitS ?? DEFAULT_TIME_LIMIT_S);
    if ('error' in outcome) {
      errors.push({ suite: suite.name, message: outcome.error });
      log(`${`suite ${suite.name}`.padEnd(44)}  error: ${outcome.error}`);
      continue;
    }
    for (const f of outcome.figures) {
      const line = toLine(f, 'bench');
      lines.push(line);
      log(figureLine(f, line.pass));
      if (f.note !== undefined) log(`${''.padEnd(46)}${f.note}`);
    }
  }
  return { lines, errors };
}

/** The run fails when a figure it measured misses its goal, a suite failed or ran over, or (a full run) a budget went unmeasured. */
export const runFailed = (run: SuiteRun, missing: readonly string[]): boolean =>
  run.errors.length > 0 || run.lines.some((l) => !l.pass) || missing.length > 0;
