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
import type { BenchSuite } from './figure';
import { machineFacts, missingBudgets, readProofFigures, renderTable } from './report';
import { runFailed, runSuites, selectSuites } from './suite-runner';
import { storeBench } from './store.bench';
import { serverBench } from './server.bench';
import { foldBench } from './fold.bench';
import { appBench } from './app.bench';
import { boardBench } from './board.bench';
import { phoneBench } from './phone.bench';
import { summaryBench } from './summary.bench';
import { serverSummaryBench } from './server-summary.bench';
import { pullBench } from './pull.bench';
import { firstPullBench } from './first-pull.bench';
import { consoleBench } from './console.bench';
import { consoleSummaryBench } from './console-summary.bench';
import { exhibitorSearchBench } from './exhibitor-search.bench';
import { exhibitorIndexBench } from './exhibitor-index.bench';
import { exhibitorImportBench } from './exhibitor-import.bench';
import { consoleCasesBench } from './console-cases.bench';
import { annualBench } from './annual.bench';

const suites: readonly BenchSuite[] = [storeBench, serverBench, foldBench, appBench, boardBench, phoneBench, summaryBench, pullBench, firstPullBench, serverSummaryBench, exhibitorSearchBench, exhibitorIndexBench, consoleBench, consoleSummaryBench, exhibitorImportBench, consoleCasesBench, annualBench];

// `npm run bench -- summary phone`: only the suites of those names (suite-runner.ts).
const only = process.argv.slice(2);
const run = await runSuites(selectSuites(suites, only), (line) => console.log(line));
const { lines, errors } = run;

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
// A timed-out suite may still hold a browser or a server open: the run ends here all the same,
// and says by its exit status whether every figure it measured met its goal.
process.exit(runFailed(run, missing) ? 1 : 0);
