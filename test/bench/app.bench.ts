/**
 * P2, in Debian's Chromium:
 * - offline cold start: after one online load (the service worker installs and precaches), the
 *   network goes off and a fresh page opens the app with 4× CPU throttling; measured up to the
 *   `shell-interactive` mark the shell sets when it is interactive (src/app/shell.tsx), read
 *   through the DevTools protocol (nothing of playwright's runs in the page meanwhile). Goal
 *   ≤ 1000 ms (median of several starts).
 * - initial JavaScript: the scripts index.html loads eagerly (entry + modulepreloads), gzipped
 *   with node:zlib. Goal ≤ 150 KB.
 * Needs the built app (`npm run build`; `npm run bench` builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { startServer } from '../../src/server/server';
import { TABLET_VIEWPORT, launchChromium } from '../support/browser';
import { median } from './figure';
import type { BenchSuite, Figure } from './figure';

const STARTS = 9;
const THROTTLE = 4;
const round = (n: number): number => Math.round(n * 10) / 10;

/** The JS files index.html makes the browser fetch before anything runs. */
export function eagerScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...new Set(srcs)].filter((s) => s.endsWith('.js')).map((s) => join(distDir, s.replace(/^\//, '')));
}

/**
 * Waits for the shell's mark through the DevTools protocol itself: playwright's selector engine
 * (`waitForSelector`) is a large script evaluated in the page on first use, and it ran on the
 * page's main thread in the middle of the start it measured.
 */
async function shellInteractive(cdp: CDPSession): Promise<{ at: number; offline: boolean }> {
  const expression = `new Promise((done, fail) => {
    const started = Date.now();
    const check = () => {
      const mark = performance.getEntriesByName('shell-interactive')[0];
      if (mark !== undefined) done({ at: mark.startTime, offline: !navigator.onLine });
      else if (Date.now() - started > 30000) fail(new Error('no shell-interactive mark'));
      else setTimeout(check, 50);
    };
    check();
  })`;
  const answer = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (answer.exceptionDetails !== undefined) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
  return answer.result.value as { at: number; offline: boolean };
}

export const appBench: BenchSuite = {
  name: 'app',
  async run(): Promise<readonly Figure[]> {
    const distDir = resolve('dist');
    if (!existsSync(join(distDir, 'index.html'))) throw new Error('Build the app first: npm run build');

    const scripts = eagerScripts(distDir);
    const gzBytes = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    const rawBytes = scripts.reduce((sum, f) => sum + readFileSync(f).length, 0);

    const server = await startServer({ port: 0, host: '127.0.0.1', distDir });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: TABLET_VIEWPORT, locale: 'zh-CN' });
      const first = await context.newPage();
      await first.goto(server.url);
      await first.waitForSelector('html[data-shell=interactive]');
      await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      await first.close();
      await context.setOffline(true);

      const times: number[] = [];
      for (let i = 0; i < STARTS; i++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        await page.goto(server.url, { waitUntil: 'commit' });
        const { at, offline } = await shellInteractive(cdp);
        if (!offline) throw new Error('the cold start was not offline');
        times.push(at);
        await page.close();
      }
      const m = median(times);
      return [
        {
          name: 'P2 offline cold start to shell',
          value: round(m),
          unit: 'ms',
          goal: { op: '<=', value: 1000 },
          note: `median of ${STARTS} fresh pages, network off, ${THROTTLE}× CPU throttling, navigation start → 'shell-interactive'; min ${round(Math.min(...times))}, max ${round(Math.max(...times))} ms`,
        },
        {
          name: 'P2 initial JavaScript (gzip)',
          value: round(gzBytes / 1024),
          unit: 'KB',
          goal: { op: '<=', value: 150 },
          note: `${scripts.length} eagerly loaded scripts, ${round(rawBytes / 1024)} KB before gzip; screens and file readers are lazy chunks`,
        },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
