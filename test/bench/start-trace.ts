/**
 * A look inside P2's offline cold start (test/bench/app.bench.ts), not a budget: the same start
 * (one online load, network off, fresh pages at 4× CPU throttling), for one or more builds
 * started in turn, so two builds compare under the same machine load:
 *
 *   npx tsx test/bench/start-trace.ts [--starts N] [--trace out.json] distA [distB …]
 *
 * Prints per start the mark, the main thread's busy time up to the mark by kind (script, parse
 * and compile, style and layout, other) and the resource timing of every file fetched before
 * the mark (start, service-worker start, response end, relative to navigation start). With
 * --trace, the last start's DevTools trace of the first build is written (chrome://tracing,
 * DevTools' performance panel); --busy traces lightly for the busy time alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { TABLET_VIEWPORT, launchChromium } from '../support/browser';

const r0 = (n: number): string => String(Math.round(n)).padStart(5);
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [v] = args.splice(i, 2).slice(1);
  return v;
};
const starts = Number(flag('--starts') ?? '3');
/** The bench's 4× unless told (a CPU profile samples more evenly unthrottled). */
const THROTTLE = Number(flag('--throttle') ?? '4');
const traceOut = flag('--trace');
/** Tracing slows the start it watches (a CPU profiler most): `--busy` traces without it. */
const tracing = traceOut !== undefined || args.includes('--busy');
if (args.includes('--busy')) args.splice(args.indexOf('--busy'), 1);
/** `--profile`: a CPU profile from the commit to the mark, by function (named by the source maps) and file. */
const profiling = args.includes('--profile');
if (profiling) args.splice(args.indexOf('--profile'), 1);
const dists = args.length > 0 ? args : ['dist'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface Resource {
  name: string;
  startTime: number;
  workerStart: number;
  responseStart: number;
  responseEnd: number;
  initiatorType: string;
  /** Chromium: where the worker's static routing took it (`cache`, `fetch-event`, …), if it did. */
  source: string;
}

const KINDS: Record<string, string> = {
  RunTask: 'task',
  'ThreadControllerImpl::RunTask': 'task',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'v8.parseOnBackground': 'compile',
  ParseHTML: 'html',
  ParseAuthorStyleSheet: 'style',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
};

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel', 'ServiceWorker', ...(traceOut === undefined ? [] : ['disabled-by-default-devtools.timeline'])],
    },
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** The page's main thread: the renderer thread that set the mark. */
function mainThread(events: TraceEvent[]): TraceEvent[] {
  const markEv = events.find((e) => e.name === 'shell-interactive');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === markEv?.pid);
  if (main === undefined) return [];
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
}

/** Main-thread time by kind in [fromTs, toTs], counting only the outermost events of a kind. */
function busy(mine: TraceEvent[], fromTs: number, toTs: number): Record<string, number> {
  const inside = mine.filter((e) => e.ts >= fromTs && e.ts < toTs);
  const out: Record<string, number> = { task: 0 };
  inside.forEach((e, i) => {
    const kind = KINDS[e.name];
    if (kind === undefined) return;
    // Inside another event of its kind (of the same span: the earlier one counts).
    const inner = inside.some((o, j) => o !== e && KINDS[o.name] === kind && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0) || j < i));
    if (!inner) out[kind] = (out[kind] ?? 0) + (e.dur ?? 0) / 1000;
  });
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] ?? 0);
  return out;
}

/**
 * The start in phases cut at the resource timings: the document, the first round of scripts
 * (index.html's), the entry's dynamic imports, the rest up to the mark; with the main thread's
 * busy time in each, so waiting (service worker, loader) and work are told apart.
 */
function phases(events: TraceEvent[], mark: number, resources: Resource[]): string[] {
  const markEv = events.find((e) => e.name === 'shell-interactive');
  if (markEv === undefined) return [];
  const navTs = markEv.ts - mark * 1000;
  const at = (ms: number): number => navTs + ms * 1000;
  const doc = resources.find((r) => r.initiatorType === 'navigation');
  const scripts = resources.filter((r) => r.initiatorType !== 'navigation');
  const dynamic = scripts.filter((r) => r.initiatorType === 'script' && !/\/main-/.test(r.name));
  const firstDynamic = Math.min(...dynamic.map((r) => r.startTime));
  const firstRound = scripts.filter((r) => r.startTime < firstDynamic);
  const cuts: [string, number][] = [
    ['document (service worker)', doc?.responseEnd ?? 0],
    ['commit, parse, preload scan', Math.min(...firstRound.map((r) => r.startTime))],
    ['first round fetched', Math.max(...firstRound.map((r) => r.responseEnd))],
    ['entry evaluated', firstDynamic],
    ['dynamic imports fetched', Math.max(...dynamic.filter((r) => r.startTime < firstDynamic + 100).map((r) => r.responseEnd))],
    ['render to mark', mark],
  ];
  const mine = mainThread(events);
  let from = 0;
  return cuts.map(([name, to]) => {
    const line = `  ${r0(from)} → ${r0(to)} (${r0(to - from)} ms) ${name.padEnd(28)} main thread ${JSON.stringify(busy(mine, at(from), at(to)))}`;
    from = to;
    return line;
  });
}

interface ProfileNode {
  id: number;
  parent?: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A profile frame named by the build's source maps (source file:line, original name). */
function namer(distDir: string): (f: ProfileNode['callFrame']) => string {
  const maps = new Map<string, SourceMap | undefined>();
  return (f) => {
    const path = f.url.replace(/^https?:\/\/[^/]+\//, '');
    if (path === '' || f.url === '') return `(${f.functionName || 'native'})`;
    if (!maps.has(path)) {
      const file = join(distDir, `${path}.map`);
      maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : undefined);
    }
    const entry = maps.get(path)?.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine: number; name?: string } | undefined;
    if (entry?.originalSource === undefined) return `${f.functionName || '(anonymous)'} ${path}:${f.lineNumber}:${f.columnNumber}`;
    const source = entry.originalSource.replace(/^.*?(node_modules|src)\//, '$1/');
    return `${entry.name ?? f.functionName ?? '(anonymous)'} ${source}:${entry.originalLine + 1}`;
  };
}

/** Self and total time (ms) by function, and self time by file, the largest first. */
function profileTimes(profile: Profile, distDir: string): string[] {
  const name = namer(distDir);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = nodes.get(id);
    if (leaf === undefined) return;
    const leafName = name(leaf.callFrame);
    self.set(leafName, (self.get(leafName) ?? 0) + ms);
    const file = leaf.callFrame.url.replace(/^https?:\/\/[^/]+/, '') || leafName;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n !== undefined; n = nodes.get(parent.get(n.id) ?? -1)) {
      const k = name(n.callFrame);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + ms);
      seen.add(k);
    }
  });
  const top = (m: Map<string, number>, n: number): string[] => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ${k}`);
  return ['  self time by file:', ...top(byFile, 12), '  self time by function:', ...top(self, 20), '  total time by function:', ...top(total, 40)];
}

async function oneStart(context: BrowserContext, url: string, distDir: string, trace: boolean): Promise<{ mark: number; resources: Resource[]; events: TraceEvent[]; profile?: string[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  let mark = 0;
  let resources: Resource[] = [];
  let profile: string[] | undefined;
  const run = async (): Promise<void> => {
    await page.goto(url, { waitUntil: 'commit' });
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    const answer = await cdp.send('Runtime.evaluate', {
      awaitPromise: true,
      returnByValue: true,
      expression: `new Promise((done) => {
        const check = () => {
          const m = performance.getEntriesByName('shell-interactive')[0];
          if (m === undefined) { setTimeout(check, 50); return; }
          const r = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
            .filter((e) => e.startTime <= m.startTime)
            .map((e) => ({ name: e.name.replace(location.origin, ''), startTime: e.startTime, workerStart: e.workerStart, responseStart: e.responseStart, responseEnd: e.responseEnd, initiatorType: e.initiatorType, source: e.workerFinalSourceType ?? '' }));
          const measures = performance.getEntriesByType('measure').concat(performance.getEntriesByType('mark')).sort((a, b) => a.startTime - b.startTime).map((e) => e.name + ' ' + e.startTime.toFixed(0) + (e.duration > 0 ? '+' + e.duration.toFixed(1) : ''));
          done({ mark: m.startTime, resources: r, measures });
        };
        check();
      })`,
    });
    const value = answer.result.value as { mark: number; resources: Resource[]; measures: string[] };
    ({ mark, resources } = value);
    // performance.mark() and measure() calls a build was given by hand, to time its steps.
    if (value.measures.length > 1) console.log(`  measures: ${value.measures.join(', ')}`);
    if (profiling) profile = profileTimes((await cdp.send('Profiler.stop')).profile as Profile, distDir);
  };
  const events = trace ? await traced(cdp, run) : (await run(), []);
  await page.close();
  return { mark, resources, events, ...(profile === undefined ? {} : { profile }) };
}

const servers: RunningServer[] = [];
const browser = await launchChromium();
try {
  const contexts: { dist: string; context: BrowserContext; url: string }[] = [];
  for (const dist of dists) {
    const server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve(dist) });
    servers.push(server);
    const context = await browser.newContext({ viewport: TABLET_VIEWPORT, locale: 'zh-CN' });
    const first = await context.newPage();
    await first.goto(server.url);
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await first.close();
    await context.setOffline(true);
    contexts.push({ dist, context, url: server.url });
  }
  const marks = new Map<string, number[]>(dists.map((d) => [d, []]));
  for (let i = 0; i < starts; i++) {
    for (const { dist, context, url } of contexts) {
      const { mark, resources, events, profile } = await oneStart(context, url, resolve(dist), tracing);
      marks.get(dist)?.push(mark);
      console.log(`\n${dist} start ${i + 1}: mark ${mark.toFixed(0)} ms`);
      for (const line of phases(events, mark, resources)) console.log(line);
      console.log('   start  wrkr  resp   end  file');
      for (const r of resources.sort((a, b2) => a.startTime - b2.startTime)) {
        console.log(`  ${r0(r.startTime)} ${r0(r.workerStart)} ${r0(r.responseStart)} ${r0(r.responseEnd)}  ${r.name} (${r.initiatorType}${r.source === '' ? '' : `, ${r.source}`})`);
      }
      for (const line of profile ?? []) console.log(line);
      if (traceOut !== undefined && dist === dists[0] && i === starts - 1) writeFileSync(traceOut, JSON.stringify({ traceEvents: events }));
    }
  }
  for (const [dist, ms] of marks) console.log(`${dist}: marks ${ms.map((m) => m.toFixed(0)).join(' ')}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
