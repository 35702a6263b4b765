/**
 * Renders `public/icon.svg` into the PNG icons beside it (run by hand after the SVG changes:
 * `npx tsx test/support/render-icons.ts`). Why PNGs: Chromium fetches and decodes the page icon
 * again after every same-document navigation, and an SVG icon is decoded as a whole SVG document
 * on the main thread, in the middle of the screen change
 * (P3); a small PNG decodes off that path. Older Android and iOS also want PNG app icons.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './browser';

const PUBLIC = resolve('public');
const SIZES = [32, 192, 512] as const;

const svg = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: join(PUBLIC, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
