import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../support/browser';
import { en, zh, type MessageKey } from '../support/messages';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, BAD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, waitForShell } from './support/kiosk';

/**
 * The eight setup screens (`SCREENS` below) in zh-CN (the default) and English at the kiosk's 1280×800: the title is in the
 * chosen language, no message key leaks onto the screen, the language choice survives a reload,
 * and every touch target is at least 44 px. Screenshots go to $TMPDIR/faircase-screens for a
 * person to look at (not committed).
 */
const SHOTS = join(tmpdir(), 'faircase-screens');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

const SCREENS: readonly { readonly name: string; readonly path: string; readonly title: MessageKey }[] = [
  { name: 'home', path: '/', title: 'home.title' },
  { name: 'fairs', path: '/fairs', title: 'fairList.title' },
  { name: 'fair-new', path: '/fairs/new', title: 'fair.titleNew' },
  { name: 'device', path: '/device', title: 'device.title' },
  { name: 'exhibitors', path: '/exhibitors', title: 'exhibitors.title' },
  { name: 'exhibitor-new', path: '/exhibitors/new', title: 'exhibitor.titleNew' },
  { name: 'exhibitor-import', path: '/exhibitors/import', title: 'import.title' },
  { name: 'storage', path: '/storage', title: 'storage.title' },
];

const KEY_PATTERN = /\b(?:nav|status|warn|pwa|common|home|device|fairs?|ipType|measure|reason|exhibitors?|import|storage|field|err|storageError)\.[A-Za-z_-]+\b/;

test('the eight setup screens (home, fairs, new fair, device, exhibitors, new exhibitor, import, storage) in zh-CN and English: translated titles, no raw keys, targets ≥ 44 px, language remembered', async () => {
  const { context, page } = await newKiosk(browser);
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await createFair(page, { code: 'CF137', nameZh: '第137届中国进出口商品交易会', sessionNo: '137', days: ['2025-04-15', '2025-04-16', '2025-04-17'] });
  await setUpDevice(page, '一号工作台', 'K07', 'CF137 · 第137届中国进出口商品交易会');
  await importFile(
    page,
    'list.csv',
    'text/csv',
    csvOf([
      EXHIBITOR_HEADER_ZH,
      ['福州某某科技有限公司', 'Fuzhou Tech Co., Ltd.', 'CN', GOOD_USCC, '福建交易团', '1.1', 'A01;1.1/A02', '王五', '13812345678'],
      ['坏代码公司', '', 'CN', BAD_USCC, '', '1.1', 'A04', '', ''],
    ]),
  );
  await page.screenshot({ path: join(SHOTS, 'zh-import-preview.png') });
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');

  for (const [lang, dict] of [
    ['zh', zh],
    ['en', en],
  ] as const) {
    if (lang === 'en') {
      await page.click('[data-testid=language-switch]');
      await page.reload();
      await waitForShell(page);
      // Remembered per device: still English after the reload.
      await expect.poll(() => page.textContent('[data-testid=language-switch]')).toBe(en['status.language']);
      // And the page says so (screen readers, fonts), not the default zh-CN of index.html.
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    }
    for (const s of SCREENS) {
      await go(page, s.path);
      await expect.poll(() => page.textContent('main h1')).toBe(dict[s.title]);
      // The screen's own data has arrived once no part of it still says "loading".
      await expect.poll(() => page.textContent('main'), { timeout: 15_000 }).not.toContain(dict['common.loading']);
      // innerText, not textContent: textContent runs adjacent blocks together ("…this fair." and
      // "We understand…" would read as the key-like "fair.We").
      const text = await page.evaluate(() => document.body.innerText);
      expect(text, `${lang} ${s.name}`).not.toMatch(KEY_PATTERN);
      const small = await page.$$eval('button, a.btn, .rail-link, input:not([type=checkbox]):not([type=file]), select', (els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(small, `${lang} ${s.name}: targets under 44 px`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${lang}-${s.name}.png`) });
    }
  }
  await context.close();
});
