import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { FAIL_WRITES, go, newKiosk, setFailWrites, typeInto, waitForServiceWorker, waitForShell } from './support/kiosk';

/**
 * PWA update: a new build deployed while a draft is open. The first build is served, a kiosk
 * installs it and starts typing; the server is replaced (same port, same origin) by one serving a
 * second build with a changed asset. The update prompt appears, the page does not reload by
 * itself, and after "update now" the draft is still there, now under the new build.
 */
const run = promisify(execFile);
let browser: Browser;
let secondDist: string;
beforeAll(async () => {
  browser = await launchChromium();
  secondDist = await mkdtemp(join(tmpdir(), 'faircase-dist2-'));
  // A real second build: the build id changes a chunk, hence the precache manifest and sw.js.
  await run('npx', ['vite', 'build', '--outDir', secondDist, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: resolve('.'),
    env: { ...process.env, VITE_BUILD_ID: 'second' },
  });
}, 180_000);
afterAll(async () => {
  await browser.close();
  await rm(secondDist, { recursive: true, force: true });
});

test('a new build while a draft is open: the prompt appears and the draft survives the update', async () => {
  let server: RunningServer = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  const port = Number(new URL(server.url).port);
  const { context, page } = await newKiosk(browser);
  await context.addInitScript(FAIL_WRITES);
  try {
    await page.goto(server.url);
    await waitForShell(page);
    await waitForServiceWorker(page);
    await go(page, '/storage');
    await expect.poll(() => page.textContent('[data-testid=build-id]')).not.toBe('second');

    await go(page, '/fairs/new');
    await page.waitForSelector('[data-testid=fair-form]');
    await typeInto(page, 'input[name=nameZh]', '升级时正在填写的展会');
    await page.evaluate(() => void ((window as unknown as { __samePage: boolean }).__samePage = true));

    // Deploy: the old server goes, the new build is served on the same origin.
    await server.close();
    server = await startServer({ port, host: '127.0.0.1', distDir: secondDist });
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    await page.waitForSelector('[data-testid=update-prompt]', { timeout: 60_000 });
    // The prompt waits for the user: same page, the draft on screen.
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(await page.inputValue('input[name=nameZh]')).toBe('升级时正在填写的展会');

    // A draft that cannot be stored (disk full) holds the update back: no reload, a message.
    await setFailWrites(page, true);
    await typeInto(page, 'input[name=nameZh]', '！');
    await page.click('[data-testid=update-prompt] button.btn:not(.link)');
    await page.waitForSelector('[data-testid=update-blocked]');
    // A window on purpose: it proves that NO reload comes, and a reload would need a moment.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    await setFailWrites(page, false);

    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('[data-testid=update-prompt] button.btn:not(.link)')]);
    await waitForShell(page);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBeUndefined();
    await page.waitForSelector('[data-testid=fair-form]');
    expect(await page.inputValue('input[name=nameZh]')).toBe('升级时正在填写的展会！');
    await go(page, '/storage');
    await expect.poll(() => page.textContent('[data-testid=build-id]')).toBe('second');
  } finally {
    await context.close();
    await server.close();
  }
});
