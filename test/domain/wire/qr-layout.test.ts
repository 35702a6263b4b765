import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { MAX_COMPRESSED_BYTES, MAX_PARTS, MAX_PAYLOAD_BYTES, tryEncodeFrames } from '../../../src/domain/wire/qr-frames';
import {
  ALPHANUMERIC_CAPACITY_M,
  FRAME_HEADER_CHARS,
  FRAME_INTERVAL_MS,
  MAX_FRAME_CHARS,
  MAX_QR_VERSION,
  QR_ERROR_CORRECTION,
  QR_MODES,
  chooseLayout,
  maxPartBytes,
  qrVersionFor,
} from '../../../src/domain/wire/qr/layout';

/** What the phone will draw: the `qrcode` library, at our level and the chosen version. */
const draw = (frame: string, version: number) => QRCode.create(frame, { errorCorrectionLevel: QR_ERROR_CORRECTION, version });

/** Printable ASCII but `"` and `\\`: the least compressible JSON string per byte. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => c !== '"' && c !== '\\').join('');

/** Text deflate cannot shrink much: a seeded xorshift, not Math.random, so runs repeat. */
const noise = (length: number, seed: number): string => {
  let x = seed || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += PRINTABLE[(x >>> 0) % PRINTABLE.length] ?? '';
  }
  return out;
};

describe('frame layout (QR-SPEC.md QR6–QR8)', () => {
  test('[QR6] the capacity table is the qrcode library’s, alphanumeric at level M', () => {
    ALPHANUMERIC_CAPACITY_M.forEach((cap, i) => {
      expect(() => draw('A'.repeat(cap), i + 1)).not.toThrow();
      expect(() => draw('A'.repeat(cap + 1), i + 1)).toThrow();
    });
    expect(MAX_FRAME_CHARS).toBe(970);
    expect(qrVersionFor(311)).toBe(10);
    expect(qrVersionFor(312)).toBe(11);
    expect(qrVersionFor(971)).toBeUndefined();
  });

  test('[QR7] the chooser uses the fewest parts, spreads the bytes evenly and never leaves a part empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: MAX_COMPRESSED_BYTES }), fc.constantFrom(...QR_MODES), (n, mode) => {
        const l = chooseLayout(n, mode);
        const max = maxPartBytes(mode);
        expect(l.parts).toBe(Math.ceil(n / max));
        expect(l.bytesPerPart).toBeLessThanOrEqual(max);
        expect(l.bytesPerPart % 2).toBe(0);
        expect(l.parts * l.bytesPerPart).toBeGreaterThanOrEqual(n);
        expect((l.parts - 1) * l.bytesPerPart).toBeLessThan(n);
        expect(l.parts).toBeLessThanOrEqual(MAX_PARTS);
        expect(l.qrVersion).toBeLessThanOrEqual(MAX_QR_VERSION[mode]);
        expect(ALPHANUMERIC_CAPACITY_M[l.qrVersion - 1]).toBeGreaterThanOrEqual(l.frameChars);
        if (l.qrVersion > 1) expect(ALPHANUMERIC_CAPACITY_M[l.qrVersion - 2]).toBeLessThan(l.frameChars);
      }),
      { numRuns: 1000 },
    );
    expect(maxPartBytes('normal')).toBe(624);
    expect(maxPartBytes('slow')).toBe(184);
    expect(FRAME_HEADER_CHARS).toBe(34);
  });

  test('[QR8] a frame stays 250 ms in normal mode and 500 ms in slow mode', () => {
    expect(FRAME_INTERVAL_MS).toEqual({ normal: 250, slow: 500 });
    expect(chooseLayout(1000, 'normal').intervalMs).toBe(250);
    expect(chooseLayout(1000, 'slow').intervalMs).toBe(500);
  });

  test.each([
    ['a tiny payload', '{"a":1}'],
    ['2 KB of text', JSON.stringify({ t: noise(2000, 7) })],
    ['10 KB of text', JSON.stringify({ t: noise(10_000, 11) })],
    ['the size limit, near-incompressible', JSON.stringify(noise(MAX_PAYLOAD_BYTES - 2, 13))],
  ])('[QR7] %s: every frame draws at the chosen version ≤ the mode’s ceiling, in alphanumeric/numeric segments only', (_, json) => {
    for (const mode of QR_MODES) {
      const encoded = tryEncodeFrames(json, mode);
      if (!encoded.ok) throw new Error(encoded.error.code);
      const { frames, layout } = encoded.value;
      expect(frames).toHaveLength(layout.parts);
      expect(layout.qrVersion).toBeLessThanOrEqual(MAX_QR_VERSION[mode]);
      for (const frame of frames) {
        expect(frame.length).toBeLessThanOrEqual(layout.frameChars);
        const qr = draw(frame, layout.qrVersion);
        expect(qr.version).toBe(layout.qrVersion);
        expect(qr.segments.map((s) => s.mode.id).filter((m) => m !== 'Alphanumeric' && m !== 'Numeric')).toEqual([]);
      }
    }
  });

  test('[QR2] the near-incompressible size limit stays within MAX_PARTS in slow mode', () => {
    const worst = tryEncodeFrames(JSON.stringify(noise(MAX_PAYLOAD_BYTES - 2, 17)), 'slow');
    expect(worst.ok && worst.value.layout.parts).toBeLessThanOrEqual(MAX_PARTS);
    const normal = tryEncodeFrames(JSON.stringify(noise(MAX_PAYLOAD_BYTES - 2, 17)), 'normal');
    // The figures QR2 quotes: the worst case is 44 frames in normal mode, 149 in slow mode.
    expect(normal.ok && normal.value.layout.parts).toBeLessThanOrEqual(44);
    expect(worst.ok && worst.value.layout.parts).toBeLessThanOrEqual(149);
  });
});
