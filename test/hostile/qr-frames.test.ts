import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createAssembler, encodeFrames, MAX_PARTS, type AssemblyStatus } from '../../src/domain/wire/qr-frames';
import { QR_ERROR_CODES } from '../../src/domain/wire/qr/frame';
import { BASE45_ALPHABET } from '../../src/domain/wire/qr/base45';
import { createHandoffScan } from '../../src/app/screens/qr-handoff/handoff-scan';
import { hostileJson, hostileString } from './arbitraries';

/**
 * Hostile input, QR frames: the desk's scanner may read anything — other codes, damaged or
 * forged frames, frames of two phones at once, very long texts. The assembler answers a known
 * code and never throws; whatever completes is exactly what a phone encoded; and the hand-off
 * screen's reader (handoff-scan) holds no payload unless a whole valid filing for this fair was
 * read, so nothing is created from hostile frames.
 */
const CODES: ReadonlySet<string> = new Set(QR_ERROR_CODES);
const SCAN_ISSUES: ReadonlySet<string> = new Set([...QR_ERROR_CODES, 'PAYLOAD_INVALID', 'PAYLOAD_TEXT', 'FAIR_MISMATCH']);
const FAIR = '01J00000000000000000000000';

const expectStatus = (s: AssemblyStatus, label: string): void => {
  if (s.status === 'error') expect(CODES.has(s.code), `${label}: ${s.code}`).toBe(true);
};

/** Frames of a random JSON payload, in both modes. */
const framesOf = fc.tuple(hostileJson, fc.constantFrom<'normal' | 'slow'>('normal', 'slow')).map(([value, mode]) => {
  const json = JSON.stringify(value) ?? 'null';
  return { json, frames: encodeFrames(json, mode) };
});

/** One change to a frame: a character replaced (in or out of the alphabet), inserted or removed, or the frame cut. */
const mutate = (frame: string, at: number, kind: number, ch: string): string => {
  const i = at % frame.length;
  if (kind === 0) return frame.slice(0, i) + ch + frame.slice(i + 1);
  if (kind === 1) return frame.slice(0, i) + ch + frame.slice(i);
  if (kind === 2) return frame.slice(0, i) + frame.slice(i + 1);
  return frame.slice(0, i);
};
const alphabetChar = fc.oneof(fc.constantFrom(...BASE45_ALPHABET.split('')), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));

describe('[QR9] hostile QR frames: a known code, never a throw, nothing created', () => {
  test('1,000 random texts, as scanned', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileString, fc.string().map((s) => `FC1:${s}`), fc.string({ unit: fc.constantFrom(...BASE45_ALPHABET.split('')) }).map((s) => `FC1:${s}`)), { minLength: 1, maxLength: 8 }), (texts) => {
        const a = createAssembler();
        for (const t of texts) {
          const s = a.accept(t);
          expect(s.status, t.slice(0, 80)).toBe('error');
          expectStatus(s, t.slice(0, 80));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('1,000 mutated valid frames: refused with a code, or the exact payload', () => {
    fc.assert(
      fc.property(framesOf, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), alphabetChar, fc.nat(), ({ json, frames }, which, at, kind, ch, order) => {
        const victim = which % frames.length;
        const changed = frames.map((f, i) => (i === victim ? mutate(f, at, kind, ch) : f));
        // Any order, the changed frame first or last.
        const rotated = [...changed.slice(order % changed.length), ...changed.slice(0, order % changed.length)];
        const a = createAssembler();
        for (const f of rotated) {
          const s = a.accept(f);
          expectStatus(s, 'mutated');
          if (s.status === 'complete') expect(s.json).toBe(json);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('1,000 loops of two phones mixed: never a payload that neither phone sent', () => {
    fc.assert(
      fc.property(framesOf, framesOf, fc.array(fc.boolean(), { minLength: 4, maxLength: 60 }), (one, two, picks) => {
        const a = createAssembler();
        let i = 0;
        let j = 0;
        for (const fromOne of picks) {
          const f = fromOne ? one.frames[i++ % one.frames.length] : two.frames[j++ % two.frames.length];
          const s = a.accept(f as string);
          expectStatus(s, 'mixed');
          if (s.status === 'complete') expect([one.json, two.json]).toContain(s.json);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('huge and overlong frames: QR_MALFORMED or QR_TOO_LARGE, quickly', () => {
    const a = createAssembler();
    for (const n of [971, 10_000, 1_000_000]) {
      const s = a.accept(`FC1:${'0'.repeat(n)}`);
      expect(s).toEqual({ status: 'error', code: 'QR_MALFORMED' });
    }
    expect(MAX_PARTS).toBeLessThan(999);
    const started = performance.now();
    for (let k = 0; k < 200; k++) expectStatus(a.accept(`FC1:${'A'.repeat(5_000_000)}`), 'huge');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('the hand-off reader: 1,000 hostile scans leave no payload to save', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(hostileString, framesOf.chain(({ frames }) => fc.constantFrom(...frames)), fc.constant('FC2:ABC')), { minLength: 1, maxLength: 12 }),
        fc.oneof(hostileJson, fc.constant({ fairId: FAIR, kind: 'complaint' })),
        (texts, tail) => {
          const scan = createHandoffScan(() => FAIR);
          // A complete loop of JSON that is not a filing for this fair, after the noise.
          for (const t of [...texts, ...encodeFrames(JSON.stringify(tail) ?? 'null', 'normal')]) scan.accept(t);
          expect(scan.payload()).toBeUndefined();
          for (const issue of scan.issues()) expect(SCAN_ISSUES.has(issue), issue).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
