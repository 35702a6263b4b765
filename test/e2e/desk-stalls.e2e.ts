import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { launchChromium, PHONE_VIEWPORT, TABLET_VIEWPORT } from '../support/browser';
import { actAs, addUser, createFirstUser } from './support/desk-b';
import { fillPhoneComplaint } from '../support/fake-camera';
import { fairDays, makePng } from './support/desk-flow';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, csvOf, go, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell } from './support/kiosk';

/**
 * The smaller stalls a newcomer met, in Debian's Chromium, each checked as the person sees it:
 * the desk's printed phone address typed by hand; a fair accepting all seven IP types; a draft
 * picked up from home; long names and role words that fit; a new screen opening at its top.
 * Screenshots at 1280×800 and 390×844 in both languages go to /tmp/shots-desk18.
 */
const SHOTS = '/tmp/shots-desk18';
const ORGANIZER = { name: '赵主办', pin: '97531' } as const;
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const EXPERT = { name: '李专家', role: 'expert', pin: '13579' } as const;
const NAME_ZH = '第138届中国进出口商品交易会（广交会）';
const NAME_EN = 'The 138th China Import and Export Fair (Canton Fair), Phase One';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let appUrl = '';

/** The page at both sizes in both languages, back at the tablet size in zh-CN. */
async function shots(p: Page, name: string, switchLanguage: (lang: 'zh' | 'en') => Promise<void>, inView?: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    await switchLanguage(lang);
    for (const [size, viewport] of [
      ['1280', TABLET_VIEWPORT],
      ['390', PHONE_VIEWPORT],
    ] as const) {
      await p.setViewportSize(viewport);
      if (inView !== undefined) await p.locator(inView).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await p.screenshot({ path: join(SHOTS, `${name}-${lang}-${size}.png`) });
    }
  }
  await switchLanguage('zh');
  await p.setViewportSize(TABLET_VIEWPORT);
}

/** The desk's language, by its switch (a toggle). */
async function deskLanguage(lang: 'zh' | 'en'): Promise<void> {
  const want = lang === 'zh' ? 'zh-CN' : 'en';
  if ((await page.getAttribute('html', 'lang')) === want) return;
  await page.click('.status-bar .btn.lang');
  await page.waitForSelector(`html[lang="${want}"]`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  appUrl = inject('appUrl');
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(appUrl);
  await waitForShell(page);
  await waitForServiceWorker(page);
  // A fair with an English name that accepts all seven IP types.
  await go(page, '/fairs/new');
  await page.waitForSelector('[data-testid=fair-form]');
  await page.fill('input[name=code]', 'CF138');
  await page.fill('input[name=nameZh]', NAME_ZH);
  await page.fill('input[name=nameEn]', NAME_EN);
  await page.fill('input[name=sessionNo]', '138');
  for (const [i, day] of fairDays(3).entries()) {
    if (i > 0) await page.click('[data-testid=add-day]');
    await page.fill(`input[name="days.${i}.date"]`, day);
  }
  await page.check('input[name="acceptedIpTypes.gi"]');
  await page.check('input[name="acceptedIpTypes.ic_layout"]');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=fair-list]');
  await setUpDevice(page, '一号台', 'K07', `CF138 · ${NAME_ZH}`);
  await importFile(page, 'exhibitors.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, ORGANIZER.name, ORGANIZER.pin);
  await addUser(page, CLERK);
  await addUser(page, EXPERT);
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: join(SHOTS, `fail-${ctx.task.name.slice(0, 16)}.png`) });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test('the phone address the desk prints, typed by hand, opens the start page; after a scan it offers that fair', async () => {
  await actAs(page, CLERK);
  await go(page, '/handoff');
  await page.waitForSelector('[data-testid=phone-link-qr]');
  const printed = (await page.textContent('[data-testid=phone-link]')) ?? '';
  expect(printed).toBe(`${new URL(appUrl).origin}/p/CF138`);
  expect(await page.textContent('[data-testid=phone-link-typed]')).toBe('在手机上输入这个地址：联网时直接打开本展会的投诉表，没有网络时打开填写说明；扫描上面的二维码在任何情况下都能打开投诉表。');
  // The hint names the scanning panel, which is to the right at the tablet's width.
  expect(await page.textContent('.handoff-link .muted')).toBe('手机填写完成后，点“出示给服务台”，再在“扫描手机上的二维码”处扫描。');
  const linkBox = await page.locator('.handoff-link').boundingBox();
  const scanBox = await page.locator('.handoff-scan').boundingBox();
  expect((scanBox?.x ?? 0) > (linkBox?.x ?? 0) + (linkBox?.width ?? 0) - 1).toBe(true);
  await shots(page, 'handoff', deskLanguage, '[data-testid=phone-link-typed]');
  const fairLink = (await page.getAttribute('[data-testid=phone-link]', 'href')) ?? '';

  const phoneContext = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2 });
  const phone = await phoneContext.newPage();
  const phoneLanguage = async (lang: 'zh' | 'en'): Promise<void> => {
    await phone.click(`[data-testid=lang-${lang}]`);
    await phone.waitForSelector(`[data-testid=lang-${lang}].primary`);
  };
  try {
    // Typed: no fragment, and this tablet's fair never reached the server (PI10 answers 404).
    // The start page says what to do; nothing says the link is invalid.
    await phone.goto(printed);
    await phone.waitForSelector('[data-testid=phone-no-fair][data-damaged=false][data-lookup=unknown]');
    expect(await phone.textContent('[data-testid=phone-code-unknown]')).toBe('没有找到代码为 CF138 的展会。请核对地址，或扫描服务台展示的二维码。');
    expect(await phone.locator('[data-testid=phone-start-steps] li').allTextContents()).toEqual([
      '到本展会的知识产权投诉服务台（展馆工作人员可以指路）。',
      '用手机相机扫描服务台展示的二维码，本展会的投诉表就会在这个页面打开。',
      '填写投诉（不需要网络），填完后点“出示给服务台”。',
    ]);
    expect(await phone.locator('[data-testid=phone-link-damaged], [data-testid=phone-open-last]').count()).toBe(0);
    await shots(phone, 'phone-start', phoneLanguage);
    // Scanned once: the same typed address now opens that fair's form in one tap.
    await phone.goto(fairLink);
    await phone.waitForSelector('input[name="complainant.name"]');
    await phone.goto('about:blank');
    await phone.goto(printed);
    await phone.waitForSelector('[data-testid=phone-open-last]');
    expect(await phone.textContent('[data-testid=phone-open-last]')).toBe(`打开投诉表：${NAME_ZH}`);
    await phone.click('[data-testid=lang-en]');
    await expect.poll(() => phone.textContent('[data-testid=phone-open-last]')).toBe(`Open the complaint form: ${NAME_EN}`);
    await phone.screenshot({ path: join(SHOTS, 'phone-start-last-en-390.png') });
    await phone.click('[data-testid=phone-open-last]');
    await phone.waitForSelector('input[name="complainant.name"]');
    expect(await phone.textContent('[data-testid=phone-fair]')).toBe(`${NAME_EN} · CF138`);
    // The photos and the hand-off in plain words: a preview and a name, no hash, bytes or frames.
    await phone.click('[data-testid=lang-zh]');
    await fillPhoneComplaint(phone, { name: '北京某某科技有限公司', uscc: GOOD_USCC, hall: '1.1', stand: 'A01', items: ['蓝牙耳机'] });
    await phoneContext.setOffline(true);
    await phone.setInputFiles('[data-testid=photos-0]', [{ name: '展台照片.png', mimeType: 'image/png', buffer: makePng(320, 240, 31) }]);
    await phone.waitForSelector('[data-testid=item-0] [data-testid=phone-photo]');
    expect(await phone.textContent('[data-testid=item-0] [data-testid=phone-photo]')).toBe('展台照片.png删除');
    await shots(phone, 'phone-photos-offline', phoneLanguage, '[data-testid=item-0] [data-testid=phone-photo]');
    await phone.click('[data-testid=show-desk]');
    await phone.waitForSelector('[data-testid=qr-hint]');
    const hint = (await phone.textContent('[data-testid=qr-hint]')) ?? '';
    expect(hint).toMatch(/^您的投诉(分成 \d+ 个二维码，会自动轮流显示。请让屏幕一直|都在这一个二维码里。请让屏幕)对着服务台的摄像头，直到服务台显示“已读取”。$/);
    expect(await phone.textContent('[data-testid=qr-loop]')).not.toMatch(/字节|帧|bytes|frames/);
    expect(await phone.textContent('[data-testid=qr-photos]')).toBe('二维码只带照片清单，不带照片本身。请把手机里的 1 张照片也给服务台工作人员看，工作人员会拍下或接收后逐张核对。');
    await shots(phone, 'phone-qr-loop', phoneLanguage, '[data-testid=qr-hint]');
    await phoneContext.setOffline(false);
    // A damaged link says so, on the same start page.
    await phone.goto(`${printed}#fair=bm90LWEtZmFpcg`);
    await phone.waitForSelector('[data-testid=phone-link-damaged]');
    expect(await phone.textContent('[data-testid=phone-link-damaged]')).toBe('此链接不完整或已损坏。');
  } finally {
    await phoneContext.close();
  }
}, 120_000);

test('the complaint form offers the seven IP types the fair accepts', async () => {
  await go(page, '/complaints/new');
  await page.waitForSelector('select[name="rights.0.type"]');
  expect(await page.locator('select[name="rights.0.type"] option').allTextContents()).toEqual(['发明', '实用新型', '外观设计', '商标', '著作权', '地理标志', '集成电路布图设计']);
});

test('a draft is listed on home in words with an Open button that brings it back', async () => {
  await go(page, '/complaints/new');
  await page.waitForSelector('input[name="complainant.name"]');
  await page.fill('input[name="complainant.name"]', '北京某某科技有限公司');
  await go(page, '/');
  await page.waitForSelector('[data-testid=draft-row] [data-testid=draft-open]');
  const row = page.locator('[data-testid=draft-row]').first();
  const key = (await row.getAttribute('data-key')) ?? '';
  expect(key).not.toBe('');
  expect(await row.textContent()).not.toContain(key);
  expect(await row.locator('[data-testid=draft-open]').textContent()).toBe('继续填写');
  await shots(page, 'home-drafts', deskLanguage);
  await row.locator('[data-testid=draft-open]').click();
  await page.waitForSelector('input[name="complainant.name"]');
  await expect.poll(() => page.inputValue('input[name="complainant.name"]')).toBe('北京某某科技有限公司');
});

test('long names and role words fit: the English fair name in the status bar and on the summary, the rail role, the edit buttons', async () => {
  await actAs(page, EXPERT);
  await deskLanguage('en');
  // The status bar shows the whole English name, nothing cut off.
  expect(await page.textContent('[data-testid=status-fair]')).toBe(`${NAME_EN}K07`);
  for (const viewport of [TABLET_VIEWPORT, PHONE_VIEWPORT]) {
    await page.setViewportSize(viewport);
    // Nothing clipped sideways, and every line of the name inside the bar and the window.
    const fits = await page.locator('[data-testid=status-fair]').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const bar = el.closest('.status-bar')?.getBoundingClientRect();
      return el.scrollWidth <= el.clientWidth && bar !== undefined && text.top >= bar.top && text.bottom <= bar.bottom && text.left >= 0 && text.right <= window.innerWidth;
    });
    expect(fits).toBe(true);
  }
  await page.setViewportSize(TABLET_VIEWPORT);
  await deskLanguage('zh');
  // The rail's role line is one line: "驻场专家", never "驻场专/家".
  expect(await page.textContent('[data-testid=session-badge] .muted')).toBe('驻场专家');
  const lines = await page.locator('[data-testid=session-badge] .muted').evaluate((el) => el.getClientRects().length);
  expect(lines).toBe(1);
  // The summary names the fair in English in English.
  await actAs(page, ORGANIZER);
  await deskLanguage('en');
  await go(page, '/summary');
  await page.waitForSelector('[data-testid=summary-session]');
  expect(await page.textContent('[data-testid=summary-session]')).toBe(`Session 138 · ${NAME_EN}`);
  expect(await page.textContent('[data-testid=report-fair]')).toContain(NAME_EN);
  expect(await page.textContent('[data-testid=report-fair]')).not.toContain(NAME_ZH);
  await go(page, '/');
  await page.waitForSelector('[data-testid=home-fair]');
  expect(await page.textContent('[data-testid=home-fair] p')).toContain(`CF138 · ${NAME_EN}`);
  await deskLanguage('zh');
  // Edit buttons show their whole label, at both sizes and in both languages.
  const cutButtons = (scope: string): Promise<(string | null)[]> =>
    page.locator(`${scope} .btn`).evaluateAll((bs) => bs.filter((b) => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight + 1).map((b) => b.textContent));
  for (const [path, scope] of [
    ['/users', '[data-testid=user-list]'],
    ['/fairs', '[data-testid=fair-list]'],
  ] as const) {
    await go(page, path);
    await page.waitForSelector(`${scope} .btn`);
    for (const lang of ['zh', 'en'] as const) {
      await deskLanguage(lang);
      for (const viewport of [TABLET_VIEWPORT, PHONE_VIEWPORT]) {
        await page.setViewportSize(viewport);
        expect(await cutButtons(scope)).toEqual([]);
      }
    }
    await deskLanguage('zh');
  }
  await go(page, '/users');
  await page.waitForSelector('[data-testid=user-edit]');
  await page.setViewportSize(TABLET_VIEWPORT);
  await shots(page, 'users', deskLanguage);
  await go(page, '/');
  await page.waitForSelector('[data-testid=home-fair]');
  await shots(page, 'home-status-bar', deskLanguage);
}, 120_000);

test('a new screen opens at its top, not at the previous screen scroll', async () => {
  await go(page, '/fairs/new');
  await page.waitForSelector('[data-testid=fair-form]');
  const screen = page.locator('main.screen');
  await screen.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => screen.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
  await go(page, '/device');
  await page.waitForSelector('[data-testid=device-form]');
  await expect.poll(() => screen.evaluate((el) => el.scrollTop)).toBe(0);
});
