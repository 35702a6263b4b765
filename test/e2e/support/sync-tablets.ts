import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../../src/server/server';
import { drawSignature, usccOf } from './desk-b';
import { go } from './kiosk';

/** Flows shared by the tests with more than one tablet and a real server (sync, bundle). */

export { fairDays } from './desk-flow';

/**
 * A complaint filed at this tablet's desk against 1.1/A01; its case id. With `verifyPapers`,
 * every paper of the checklist is marked verified, so an expert may accept it at once.
 */
export async function fileComplaint(page: Page, options: { verifyPapers?: boolean } = {}): Promise<string> {
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=complaint-form]');
  await page.fill('input[name="complainant.name"]', '北京某某科技有限公司');
  await page.fill('input[name="complainant.uscc"]', usccOf('91110000100000000'));
  await page.fill('input[name="complainant.phone"]', '13800138000');
  await page.selectOption('select[name="rights.0.type"]', 'invention');
  await page.fill('input[name="rights.0.number"]', 'ZL201710601862.3');
  await page.fill('input[name="rights.0.title"]', '一种充电装置');
  await page.fill('input[name="rights.0.holder"]', '北京某某科技有限公司');
  await page.fill('input[name=respondentSearch]', '1.1/A01');
  await page.click('[data-testid=pick-exhibitor] >> nth=0');
  await page.waitForSelector('[data-testid=respondent-0]');
  await page.fill('input[name="accusedItems.0.description"]', '充电宝 X1');
  if (options.verifyPapers === true) {
    const codes = await page.locator('[data-testid=checklist] tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
    for (const code of codes) {
      if (code === '' || code === 'GEN-07' || code === 'TM-02') continue;
      await page.selectOption(`select[name="checklist.${code}"]`, 'verified');
      const orig = page.locator(`input[name="checklist.${code}.original"]`);
      if ((await orig.count()) > 0) await orig.check();
    }
  }
  await drawSignature(page, 'sig-signature');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=intake-flags], [data-testid=intake-saved]');
  if ((await page.locator('[data-testid=intake-saved]').count()) === 0) await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=intake-saved]');
  return ((await page.getAttribute('[data-testid=open-case]', 'href')) ?? '').replace('/cases/', '');
}

/** Enrols the tablet on the sync screen with a code the organizer made on the server. */
export async function enrolTablet(page: Page, server: RunningServer, organizerId: string, fairId: string, role: 'desk' | 'expert'): Promise<void> {
  const { code } = await server.storage.createEnrolment(organizerId, { fairId, role, ttlMinutes: 10 }, Date.now());
  await go(page, '/sync');
  await page.waitForSelector('[data-testid=enrol-form]');
  expect(await page.inputValue('input[name=enrol-server]')).toBe(server.url);
  await page.fill('input[name=enrol-code]', code);
  await page.click('[data-testid=enrol-submit]');
  await page.waitForSelector('[data-testid=sync-enrolled]');
}

/** "Sync now" on the sync screen, until nothing is left unsynced. */
export async function syncNow(page: Page): Promise<void> {
  await go(page, '/sync');
  await page.waitForSelector('[data-testid=sync-now]:not([disabled])');
  await page.click('[data-testid=sync-now]');
  await page.waitForSelector('[data-testid=sync-done]');
  await expect.poll(() => page.textContent('[data-testid=sync-unsynced]')).toBe('0');
}
