/**
 * The one performance report: every figure of P1…P8 in one table
 * (figure, value, goal, ratio to its baseline where it has one, pass/fail) and the same as JSON.
 * A budget listed in `budgets` but no suite measured shows up as `not measured`, so a silently
 * skipped suite cannot pass for a green report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { meets, type Figure } from './figure';

export interface ReportLine extends Figure {
  readonly pass: boolean;
  /** `P1`…`P7`, or `—` for a figure that is printed but belongs to no numbered budget. */
  readonly budget: string;
  /** Where the figure comes from: this run, or the last `npm run proof`. */
  readonly source: 'bench' | 'proof';
}

export interface SuiteError {
  readonly suite: string;
  readonly message: string;
}

/** Every budgeted figure, each with what it measures. */
export const budgets: readonly { readonly id: string; readonly what: string }[] = [
  { id: 'P1', what: 'durable save on the tablet: a record, its item and its outbox row' },
  { id: 'P2', what: 'offline cold start and initial JavaScript of the kiosk' },
  { id: 'P3', what: 'case board over 10,000 cases on a tablet' },
  { id: 'P4', what: 'push ingest on the server, PGlite and PostgreSQL' },
  { id: 'P5', what: 'pull pages applied on a tablet' },
  { id: 'P6', what: 'phone to desk by animated QR: first frame to preview' },
  { id: 'P7', what: 'post-show summary, on a tablet and on the server' },
  { id: 'P8', what: 'the administration\'s roll-up of a year on PostgreSQL' },
];

export const budgetOf = (name: string): string => /^(P\d)\b/.exec(name)?.[1] ?? '—';

export const toLine = (f: Figure, source: ReportLine['source']): ReportLine => ({
  ...f,
  pass: meets(f),
  budget: budgetOf(f.name),
  source,
});

const isFigure = (x: unknown): x is Figure => {
  if (typeof x !== 'object' || x === null) return false;
  const f = x as Record<string, unknown>;
  const goal = f['goal'] as Record<string, unknown> | undefined;
  return (
    typeof f['name'] === 'string' &&
    typeof f['value'] === 'number' &&
    typeof f['unit'] === 'string' &&
    typeof goal === 'object' &&
    goal !== null &&
    (goal['op'] === '<=' || goal['op'] === '>=') &&
    typeof goal['value'] === 'number'
  );
};

/**
 * The figures of the last `npm run proof` (load test, fault run), which takes minutes and so
 * runs apart from the bench: any `proof-*.json` beside this file with a `figures` array.
 */
export const readProofFigures = (dir: string): { readonly at?: string; readonly lines: ReportLine[] } => {
  if (!existsSync(dir)) return { lines: [] };
  const lines: ReportLine[] = [];
  let at: string | undefined;
  for (const file of readdirSync(dir).filter((f) => /^proof-.*\.json$/.test(f)).sort()) {
    try {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { at?: unknown; figures?: unknown };
      if (typeof json.at === 'string' && (at === undefined || json.at > at)) at = json.at;
      if (!Array.isArray(json.figures)) continue;
      for (const f of json.figures) if (isFigure(f)) lines.push(toLine(f, 'proof'));
    } catch {
      // A half-written file from an interrupted proof run is not a figure; the table says nothing of it.
    }
  }
  return { at, lines };
};

export const fmt = (n: number): string =>
  !Number.isFinite(n) ? String(n) : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toPrecision(3)).toString();

const ratioText = (f: Figure): string =>
  f.ratio === undefined
    ? ''
    : `×${fmt(f.ratio.value)} ${f.ratio.baselineName}${f.ratio.goal === undefined ? '' : ` (≤ ${f.ratio.goal}×)`}`;

/** The budgets no line measured, when the whole bench ran. */
export const missingBudgets = (lines: readonly ReportLine[]): string[] =>
  budgets.map((b) => b.id).filter((id) => !lines.some((l) => l.budget === id));

const order = (l: ReportLine): string => (l.budget === '—' ? 'Z' : l.budget);

/** The table, as fixed-width text that reads in a terminal and pastes into a closing note. */
export const renderTable = (lines: readonly ReportLine[], missing: readonly string[], errors: readonly SuiteError[]): string => {
  const rows: string[][] = [['budget', 'figure', 'value', 'goal', 'ratio to baseline', 'result']];
  for (const l of [...lines].sort((a, b) => order(a).localeCompare(order(b)))) {
    rows.push([
      l.budget,
      l.source === 'proof' ? `${l.name} (npm run proof)` : l.name,
      `${fmt(l.value)} ${l.unit}`,
      `${l.goal.op} ${fmt(l.goal.value)}`,
      ratioText(l),
      l.pass ? 'PASS' : 'FAIL',
    ]);
  }
  for (const id of missing) rows.push([id, budgets.find((b) => b.id === id)?.what ?? '', '—', '—', '', 'NOT MEASURED']);
  for (const e of errors) rows.push(['!', `suite ${e.suite} failed: ${e.message}`, '—', '—', '', 'ERROR']);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - [...s].length));
  const text = rows.map((r) => r.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  ').trimEnd());
  text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return text.join('\n');
};

export const machineFacts = (): { cores: number; loadAverage: number[]; node: string } => ({
  cores: cpus().length,
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  node: process.version,
});
