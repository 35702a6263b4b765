/**
 * A fake camera for Chromium (for the QR hand-off tests): `--use-file-for-fake-video-capture` plays a Y4M
 * file in a loop as the webcam. The video is built from the very images the phone page shows
 * (its QR frames as PNG data URLs), so the desk's real scanner (html5-qrcode) reads what a phone
 * would show. Y4M is a one-line header, then per frame `FRAME\n` and raw YUV 4:2:0 planes.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { CHROMIUM_ARGS } from './browser';
import { CHROMIUM } from './ensure-system';

export interface VideoOptions {
  readonly width?: number;
  readonly height?: number;
  /** Video frames a second (Chromium plays the file at this rate). */
  readonly fps?: number;
  /** How long each QR image stays on screen, as the phone's loop shows it (QR8: 250 ms normal). */
  readonly holdMs?: number;
}

/** A grey image (Y only, 0–255) of one picture: width × height luma values. */
interface Luma {
  readonly width: number;
  readonly height: number;
  readonly y: Uint8Array;
}

/** Decodes a PNG data URL (or buffer) to luma. */
export function pngToLuma(png: string | Buffer): Luma {
  const buf = typeof png === 'string' ? Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64') : png;
  const img = PNG.sync.read(buf);
  const y = new Uint8Array(img.width * img.height);
  for (let i = 0; i < y.length; i++) {
    const r = img.data[4 * i] ?? 0;
    const g = img.data[4 * i + 1] ?? 0;
    const b = img.data[4 * i + 2] ?? 0;
    const a = (img.data[4 * i + 3] ?? 255) / 255;
    // BT.601 luma over a white background.
    y[i] = Math.round((0.299 * r + 0.587 * g + 0.114 * b) * a + 255 * (1 - a));
  }
  return { width: img.width, height: img.height, y };
}

/** A QR code drawn in Node (the phone's settings: level M, a fixed version) as luma. */
export function qrLuma(text: string, version?: number): Luma {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M', ...(version === undefined ? {} : { version }) });
  const n = qr.modules.size;
  const margin = 4;
  const size = n + 2 * margin;
  const y = new Uint8Array(size * size).fill(255);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) y[(r + margin) * size + c + margin] = 0;
  return { width: size, height: size, y };
}

/**
 * Centres `img` in a width × height frame, scaled by a whole factor (up) or a whole divisor (down),
 * nearest neighbour: modules stay sharp and equal, as a camera held close to a phone sees them.
 */
function place(img: Luma, width: number, height: number): Uint8Array {
  const fit = Math.min((width * 0.95) / img.width, (height * 0.95) / img.height);
  const up = fit >= 1 ? Math.floor(fit) : 1;
  const down = fit >= 1 ? 1 : Math.ceil(1 / fit);
  const w = Math.floor((img.width * up) / down);
  const h = Math.floor((img.height * up) / down);
  const x0 = Math.floor((width - w) / 2);
  const y0 = Math.floor((height - h) / 2);
  const out = new Uint8Array(width * height).fill(200);
  for (let yy = 0; yy < h; yy++) {
    const src = Math.floor((yy * down) / up) * img.width;
    const dst = (y0 + yy) * width + x0;
    for (let xx = 0; xx < w; xx++) out[dst + xx] = img.y[src + Math.floor((xx * down) / up)] ?? 255;
  }
  // Studio-range luma (16–235), as a camera would give.
  for (let i = 0; i < out.length; i++) out[i] = 16 + Math.round(((out[i] ?? 0) * 219) / 255);
  return out;
}

/**
 * What the desk's decoder sees of `img` on a width × height camera shown at its own size (so
 * html5-qrcode draws it 1:1 into its canvas): the placed picture, back in full-range luma.
 */
export function cameraView(img: Luma, width: number, height: number): Luma {
  const y = place(img, width, height).map((v) => Math.max(0, Math.min(255, Math.round(((v - 16) * 255) / 219))));
  return { width, height, y };
}

/** `img` turned a quarter turn clockwise. */
export function quarterTurn(img: Luma): Luma {
  const width = img.height;
  const height = img.width;
  const y = new Uint8Array(width * height);
  for (let r = 0; r < img.height; r++) for (let c = 0; c < img.width; c++) y[c * width + (width - 1 - r)] = img.y[r * img.width + c] ?? 255;
  return { width, height, y };
}

/** Writes a looping Y4M of `pictures` (each held `holdMs`), returns its path. */
export function writeY4m(pictures: readonly Luma[], name: string, opts: VideoOptions = {}): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const fps = opts.fps ?? 20;
  const hold = Math.max(1, Math.round(((opts.holdMs ?? 250) * fps) / 1000));
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const p of pictures) {
    const y = Buffer.from(place(p, width, height));
    for (let i = 0; i < hold; i++) parts.push(Buffer.from('FRAME\n'), y, chroma);
  }
  const path = join(tmpdir(), `faircase-${name}-${process.pid}.y4m`);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Chromium flags for a fake camera playing `videoPath` (permission granted without a prompt). */
export const fakeCameraArgs = (videoPath: string): string[] => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${videoPath}`,
];

export { CHROMIUM, CHROMIUM_ARGS };

/** What the tests type on the phone. */
export interface PhoneFiling {
  readonly name: string;
  readonly uscc: string;
  readonly hall: string;
  readonly stand: string;
  readonly items: readonly string[];
}

/** Types a complaint on the phone page (fields by their schema paths) and signs it. */
export async function fillPhoneComplaint(page: Page, f: PhoneFiling): Promise<void> {
  await page.waitForSelector('input[name="complainant.name"], [data-testid=phone-no-fair]');
  if ((await page.$('[data-testid=phone-no-fair]')) !== null) throw new Error(`the phone did not take the link ${page.url()}`);
  await page.fill('input[name="complainant.name"]', f.name);
  await page.fill('input[name="complainant.uscc"]', f.uscc);
  await page.fill('input[name="complainant.phone"]', '13800138000');
  await page.selectOption('select[name="rights.0.type"]', 'trademark');
  await page.fill('input[name="rights.0.number"]', '12345678');
  await page.fill('input[name="rights.0.title"]', 'FAIRBRAND');
  await page.fill('input[name="rights.0.holder"]', f.name);
  await page.fill('input[name="rights.0.niceClasses"]', '9, 25');
  await page.fill('input[name="respondents.0.hall"]', f.hall);
  await page.fill('input[name="respondents.0.stand"]', f.stand);
  for (const [i, text] of f.items.entries()) {
    if (i > 0) await page.click('[data-testid=add-item]');
    await page.fill(`textarea[name="accusedItems.${i}.description"]`, text);
  }
  await page.waitForSelector('[data-testid=signature-canvas][data-ready=true]');
  await page.locator('[data-testid=signature-canvas]').evaluate((c) => c.scrollIntoView({ block: 'center' }));
  const box = await page.locator('[data-testid=signature-canvas]').boundingBox();
  if (box === null) throw new Error('signature canvas not visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 30, y);
  await page.mouse.down();
  for (let i = 1; i <= 16; i++) await page.mouse.move(box.x + 30 + i * 18, y + Math.sin(i / 2) * 40, { steps: 2 });
  await page.mouse.up();
}

/** Every frame of the phone's loop, as the PNG data URLs it shows, in index order. */
export async function readPhoneFrames(page: Page, timeoutMs = 20_000): Promise<string[]> {
  await page.waitForSelector('[data-testid=qr-frame]');
  const total = Number(await page.getAttribute('[data-testid=qr-frame]', 'data-total'));
  const frames = new Map<number, string>();
  const until = Date.now() + timeoutMs;
  while (frames.size < total) {
    if (Date.now() > until) throw new Error(`saw ${frames.size} of ${total} phone frames`);
    const seen = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=qr-frame]');
      return img === null ? undefined : { index: Number(img.dataset.index), src: img.src };
    });
    if (seen !== undefined) frames.set(seen.index, seen.src);
    await page.waitForTimeout(40);
  }
  return Array.from({ length: total }, (_, i) => frames.get(i) ?? '');
}

interface ZXingApi {
  RGBLuminanceSource: new (luminances: Uint8ClampedArray, width: number, height: number) => object;
  HybridBinarizer: new (source: object) => object;
  BinaryBitmap: new (binarizer: object) => object;
  QRCodeReader: new () => { decode(bitmap: object): { getText(): string } };
  MultiFormatReader: new (verbose: boolean, hints: Map<number, unknown>) => { decode(bitmap: object): { getText(): string } };
  DecodeHintType: { POSSIBLE_FORMATS: number; TRY_HARDER: number };
  BarcodeFormat: { QR_CODE: number };
}
// The ZXing build html5-qrcode loads in the browser (its typings declare only what it uses).
const ZXing = createRequire(import.meta.url)('html5-qrcode/third_party/zxing-js.umd.js') as ZXingApi;

const halve = (img: Luma): Luma => {
  const width = Math.floor(img.width / 2);
  const height = Math.floor(img.height / 2);
  const y = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) y[r * width + c] = img.y[2 * r * img.width + 2 * c] ?? 255;
  return { width, height, y };
};

/**
 * One look, as html5-qrcode takes at each camera frame (its ZXing, its hints: QR only, no "try
 * harder"): the text, or undefined when this picture is missed.
 */
export function readOnce(img: Luma): string | undefined {
  const hints = new Map<number, unknown>([
    [ZXing.DecodeHintType.POSSIBLE_FORMATS, [ZXing.BarcodeFormat.QR_CODE]],
    [ZXing.DecodeHintType.TRY_HARDER, false],
  ]);
  try {
    const source = new ZXing.RGBLuminanceSource(Uint8ClampedArray.from(img.y), img.width, img.height);
    return new ZXing.MultiFormatReader(false, hints).decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(source))).getText();
  } catch {
    return undefined;
  }
}

/**
 * Reads a QR code from luma in Node with the desk scanner's own ZXing: the text the phone image
 * holds. ZXing misses some pictures upright, more often at large modules (8 px a module): it
 * takes a finder-like run in the data for a corner (second-look.chunk.ts), so it retries at half
 * size (0 misses in 600 phone frames).
 */
export function decodeQr(img: Luma): string {
  let last: unknown;
  for (let at = img; at.width >= 40; at = halve(at)) {
    try {
      const source = new ZXing.RGBLuminanceSource(Uint8ClampedArray.from(at.y), at.width, at.height);
      return new ZXing.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(source))).getText();
    } catch (e) {
      last = e;
    }
  }
  throw last instanceof Error ? last : new Error('no QR code found');
}

/** The organizer (signed in) adds a clerk on the users screen: a complaint is filed by a clerk (CS8's roles). */
export async function addClerk(page: Page, name: string, pin: string): Promise<void> {
  await page.evaluate(() => {
    history.pushState(null, '', '/users');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForSelector('[data-testid=user-form]');
  await page.fill('[data-testid=user-form] input[name=name]', name);
  await page.selectOption('[data-testid=user-form] select[name=role]', 'clerk');
  await page.fill('[data-testid=user-form] input[name=pin]', pin);
  await page.fill('[data-testid=user-form] input[name=pinConfirm]', pin);
  await page.click('[data-testid=user-form] [data-testid=save]');
  await page.waitForSelector(`[data-testid=user-row]:has-text("${name}")`);
}

/** A frame drawn exactly as the phone page draws it (`qrcode` toDataURL, level M, 8 px a module, quiet zone 4), as luma. */
export async function phoneLuma(text: string, version: number): Promise<Luma> {
  return pngToLuma(await QRCode.toDataURL(text, { errorCorrectionLevel: 'M', version, margin: 4, scale: 8 }));
}
