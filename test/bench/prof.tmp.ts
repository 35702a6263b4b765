import { writeFileSync } from 'node:fs';
import { openPullPage } from './pull.bench';
import type { PullBenchApi } from './pages/pull-page';
const { page, cdp, close } = await openPullPage(20_000, 1000);
try {
  await page.evaluate((r) => (window.pullBench as PullBenchApi).pull(r), 1);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const p = await page.evaluate((r) => (window.pullBench as PullBenchApi).pull(r), 2);
  const { profile } = await cdp.send('Profiler.stop');
  console.log('pull ms', Math.round(p.ms));
  writeFileSync('/tmp/pull.cpuprofile', JSON.stringify(profile));
  // self time by function
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, k) => { const n = byId.get(id)!; const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0)); });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('total sampled ms', Math.round(total / 1000));
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(Math.round(v / 1000)).padStart(6), k);
} finally { await close(); }
