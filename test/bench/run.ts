/**
 * `npm run bench`: every budget of the issues (P1…P7), one line per figure:
 *   name  value  unit  goal  ratio-to-baseline  pass/fail
 * and the same as JSON in test/bench/last-run.json. Timings on a 2-core noisy machine are
 * compared as ratios measured in the same run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { meets, type BenchSuite, type Figure } from './figure';
import { storeBench } from './store.bench';
import { serverBench } from './server.bench';
import { foldBench } from './fold.bench';
import { appBench } from './app.bench';
import { boardBench } from './board.bench';
import { phoneBench } from './phone.bench';
import { summaryBench } from './summary.bench';

const suites: readonly BenchSuite[] = [storeBench, serverBench, foldBench, appBench, boardBench, phoneBench, summaryBench];

const fmt = (n: number): string =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toPrecision(3)).toString();

const only = process.argv.slice(2);
const figures: (Figure & { pass: boolean })[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
  for (const f of await suite.run()) {
    const line = { ...f, pass: meets(f) };
    figures.push(line);
    const ratio = f.ratio === undefined ? '' : `  ×${fmt(f.ratio.value)} of ${f.ratio.baselineName}${f.ratio.goal === undefined ? '' : ` (goal ≤ ${f.ratio.goal}×)`}`;
    console.log(
      `${f.name.padEnd(44)}  ${fmt(f.value).padStart(10)}  ${f.unit.padEnd(10)}  goal ${f.goal.op} ${fmt(f.goal.value)}${ratio}  ${line.pass ? 'PASS' : 'FAIL'}`,
    );
    if (f.note !== undefined) console.log(`${''.padEnd(46)}${f.note}`);
  }
}
const out = fileURLToPath(new URL('./last-run.json', import.meta.url));
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
console.log(`\n${figures.filter((f) => f.pass).length} of ${figures.length} figures meet their goal; JSON in test/bench/last-run.json`);
