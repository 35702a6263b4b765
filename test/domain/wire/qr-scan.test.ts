import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { createAssembler, tryEncodeFrames } from '../../../src/domain/wire/qr-frames';
import { QR_ERROR_CORRECTION, QR_MODES } from '../../../src/domain/wire/qr/layout';
import { evidenceId, makeFair, submitPayload } from '../../support/builders';

/**
 * The real parts at both ends, without a browser: frames drawn by `qrcode` (the phone's library)
 * and read by the ZXing build inside html5-qrcode (the desk's scanner). The camera path itself is
 * the e2e test's; this one proves the text survives the symbol, alphanumeric mode included.
 */

interface ZXingApi {
  RGBLuminanceSource: new (luminances: Uint8ClampedArray, width: number, height: number) => object;
  HybridBinarizer: new (source: object) => object;
  BinaryBitmap: new (binarizer: object) => object;
  QRCodeReader: new () => { decode(bitmap: object): { getText(): string } };
}
// html5-qrcode's typings declare only the part it uses; this is the same UMD file it loads.
const ZXing = createRequire(import.meta.url)('html5-qrcode/third_party/zxing-js.umd.js') as ZXingApi;

/** A frame as a grey image: `scale` pixels a module, the 4-module quiet zone, optional damage. */
function render(frame: string, version: number, scale: number, damage = (_r: number, _c: number) => false) {
  const qr = QRCode.create(frame, { errorCorrectionLevel: QR_ERROR_CORRECTION, version });
  const n = qr.modules.size;
  const side = (n + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side).fill(255);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const dark = Boolean(qr.modules.get(r, c)) !== damage(r, c);
      if (!dark) continue;
      for (let y = 0; y < scale; y++) {
        const row = (r + 4) * scale + y;
        pixels.fill(0, row * side + (c + 4) * scale, row * side + (c + 5) * scale);
      }
    }
  }
  return { pixels, side, modules: n };
}

const scan = (image: { pixels: Uint8ClampedArray; side: number }): string => {
  const source = new ZXing.RGBLuminanceSource(image.pixels, image.side, image.side);
  return new ZXing.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(source))).getText();
};

const complaint = JSON.stringify(
  submitPayload(makeFair(), {
    channel: 'phone_qr',
    accusedItems: Array.from({ length: 12 }, (_, i) => ({ description: `折叠椅 型号 A${i}，展台 11.2 C0${i % 10}`, evidenceIds: [evidenceId(i + 1)] })),
  }),
);

describe('FC1 through a real QR symbol (QR-SPEC.md QR4, QR6)', () => {
  test.each(QR_MODES)('[QR4] every %s-mode frame drawn by qrcode is read back exactly by the desk’s ZXing, and assembles', (mode) => {
    const encoded = tryEncodeFrames(complaint, mode);
    if (!encoded.ok) throw new Error(encoded.error.code);
    const { frames, layout } = encoded.value;
    const a = createAssembler();
    let status = '';
    for (const frame of frames) {
      const text = scan(render(frame, layout.qrVersion, 3));
      expect(text).toBe(frame);
      status = a.accept(text).status;
    }
    expect(status).toBe('complete');
  });

  test('[QR6] level M reads through a blotch over a fifth of the symbol’s width (a thumb or glare on the screen)', () => {
    const encoded = tryEncodeFrames(complaint, 'normal');
    if (!encoded.ok) throw new Error(encoded.error.code);
    const frame = encoded.value.frames[0] ?? '';
    const version = encoded.value.layout.qrVersion;
    // Invert a square of modules (1/5 of the side, ~4 % of the area) below the centre, away from
    // the finder patterns. Larger blotches fail with ChecksumException: the test can fail.
    const size = 17 + 4 * version;
    const side = Math.floor(size / 5);
    const r0 = Math.floor(size / 2);
    const damage = (r: number, c: number) => r >= r0 && r < r0 + side && c >= r0 - side && c < r0;
    expect(scan(render(frame, version, 3, damage))).toBe(frame);
  });
});
