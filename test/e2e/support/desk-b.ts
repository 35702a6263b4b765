/**
 * Page model of the desk screens part B: sign-in with the PIN keypad, the signature
 * canvas, reading a printed PDF's text. Used by test/e2e/desk-b-*.e2e.ts.
 */
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { usccCheckChar } from '../../../src/domain/validators/uscc';
import { go } from './kiosk';

/** A valid USCC (GB 32100-2015) from a 17-char body: the check char computed by the domain. */
export const usccOf = (body17: string): string => `${body17}${usccCheckChar(body17)}`;

/** Taps the PIN on the keypad, key by key, as a person does. */
export async function tapPin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.click(`[data-testid=pin-pad] button[data-key="${d}"]`);
}

/** Signs in as `name` with `pin` from the sign-in panel (wherever it is shown). */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.click(`[data-testid=user-tile][data-name="${name}"]`);
  await tapPin(page, pin);
  await page.click('[data-testid=pin-submit]');
}

export async function signOut(page: Page): Promise<void> {
  await page.click('[data-testid=session-badge] [data-testid=sign-out]');
  await page.waitForSelector('[data-testid=session-badge] a');
}

/** Creates the device's first user on /sign-in and signs in. */
export async function createFirstUser(page: Page, name: string, pin: string): Promise<void> {
  await go(page, '/sign-in');
  await page.waitForSelector('[data-testid=first-user-form]');
  await page.fill('[data-testid=first-user-form] input[name=name]', name);
  await page.fill('[data-testid=first-user-form] input[name=pin]', pin);
  await page.fill('[data-testid=first-user-form] input[name=pinConfirm]', pin);
  await page.click('[data-testid=first-user-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=signed-in]');
}

/** Draws a signature with mouse moves on the canvas with this test id (signature_pad listens to pointer events). */
export async function drawSignature(page: Page, testId = 'signature-canvas'): Promise<void> {
  const canvas = page.locator(`[data-testid="${testId}"]`);
  await page.waitForSelector(`[data-testid="${testId}"][data-ready=true]`);
  // Mouse events land where the canvas is on screen: bring it to the middle, clear of the sticky bar.
  await canvas.evaluate((c) => c.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  if (box === null) throw new Error(`${testId} not visible`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 40, y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 15, y + Math.sin(i / 2) * 40, { steps: 2 });
  await page.mouse.up();
}

/** Signs `user` in through the sign-in screen's PIN pad (signing the previous one out). */
export async function actAs(page: Page, user: { name: string; pin: string }): Promise<void> {
  await go(page, '/sign-in');
  await page.waitForSelector('[data-testid=signed-in], [data-testid=sign-in]');
  if ((await page.locator('[data-testid=signed-in]').count()) > 0) {
    await page.click('[data-testid=signed-in] [data-testid=sign-out]');
    await page.waitForSelector('[data-testid=sign-in]');
  }
  await signIn(page, user.name, user.pin);
  await page.waitForSelector('[data-testid=signed-in]');
}

/** The organizer adds a desk user on the users screen. */
export async function addUser(page: Page, user: { name: string; pin: string; role: string }): Promise<void> {
  await go(page, '/users');
  await page.waitForSelector('[data-testid=user-form]');
  await page.fill('[data-testid=user-form] input[name=name]', user.name);
  await page.selectOption('[data-testid=user-form] select[name=role]', user.role);
  await page.fill('[data-testid=user-form] input[name=pin]', user.pin);
  await page.fill('[data-testid=user-form] input[name=pinConfirm]', user.pin);
  await page.click('[data-testid=user-form] [data-testid=save]');
  await page.waitForSelector(`[data-testid=user-row]:has-text("${user.name}")`);
}

/** The text of a PDF (all pages, in order), as a reader would copy it. */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  return { text, pages: totalPages };
}

/** Rows of an IndexedDB table read in the page itself, bypassing the app. */
export async function storedRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('faircase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}
