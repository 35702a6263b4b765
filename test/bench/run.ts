/**
 * `npm run bench`: every budget of the issues (P1…P7), one line per figure:
 *   name  value  unit  goal  ratio-to-baseline  pass/fail
 * then every figure again in one table (report.ts), with the last `npm run proof` figures, and
 * the same as JSON in test/bench/last-run.json. Timings on a 2-core noisy machine are
 * compared as ratios measured in the same run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite, Figure } from './figure';
import { fmt, machineFacts, missingBudgets, readProofFigures, renderTable, toLine, type ReportLine, type SuiteError } from './report';
import { storeBench } from './store.bench';
import { serverBench } from './server.bench';
import { foldBench } from './fold.bench';
import { appBench } from './app.bench';
import { boardBench } from './board.bench';
import { phoneBench } from './phone.bench';
import { summaryBench } from './summary.bench';
import { serverSummaryBench } from './server-summary.bench';
import { pullBench } from './pull.bench';
import { consoleBench } from './console.bench';
import { consoleSummaryBench } from './console-summary.bench';
import { exhibitorSearchBench } from './exhibitor-search.bench';
import { annualBench } from './annual.bench';

const suites: readonly BenchSuite[] = [storeBench, serverBench, foldBench, appBench, boardBench, phoneBench, summaryBench, pullBench, serverSummaryBench, exhibitorSearchBench, consoleBench, consoleSummaryBench, annualBench];

const only = process.argv.slice(2);
const lines: ReportLine[] = [];
const errors: SuiteError[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
  let figures: readonly Figure[];
  try {
    figures = await suite.run();
  } catch (e) {
    // One broken suite must not hide the others' figures; the table lists it as an error.
    const message = e instanceof Error ? e.message.split('\n')[0] ?? e.name : String(e);
    errors.push({ suite: suite.name, message });
    console.log(`suite ${suite.name} failed: ${message}`);
    continue;
  }
  for (const f of figures) {
    const line = toLine(f, 'bench');
    lines.push(line);
    const ratio = f.ratio === undefined ? '' : `  ×${fmt(f.ratio.value)} of ${f.ratio.baselineName}${f.ratio.goal === undefined ? '' : ` (goal ≤ ${f.ratio.goal}×)`}`;
    console.log(
      `${f.name.padEnd(44)}  ${fmt(f.value).padStart(10)}  ${f.unit.padEnd(10)}  goal ${f.goal.op} ${fmt(f.goal.value)}${ratio}  ${line.pass ? 'PASS' : 'FAIL'}`,
    );
    if (f.note !== undefined) console.log(`${''.padEnd(46)}${f.note}`);
  }
}

const here = fileURLToPath(new URL('.', import.meta.url));
const proof = readProofFigures(here);
const all = [...lines, ...proof.lines];
// A filtered run (`npm run bench -- board`) measures some budgets on purpose; only a full run
// reports the ones nobody measured.
const missing = only.length > 0 ? [] : missingBudgets(all);
console.log(`\nPerformance report (${new Date().toISOString()}${proof.at === undefined ? '' : `; proof figures from ${proof.at}`})\n`);
console.log(renderTable(all, missing, errors));

const out = join(here, 'last-run.json');
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), machine: machineFacts(), figures: all, notMeasured: missing, errors }, null, 2)}\n`,
);
const passed = all.filter((f) => f.pass).length;
console.log(`\n${passed} of ${all.length} figures meet their goal${missing.length > 0 ? `; not measured: ${missing.join(', ')}` : ''}; JSON in test/bench/last-run.json`);
