import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import type { AssemblyStatus, QrMode } from '../../../src/domain/wire/qr-frames';
import {
  MAX_PARTS,
  MAX_PAYLOAD_BYTES,
  createAssembler,
  encodeFrames,
  tryEncodeFrames,
} from '../../../src/domain/wire/qr-frames';
import { BASE45_ALPHABET, base45Encode } from '../../../src/domain/wire/qr/base45';
import { FRAME_TAG, QR_ERROR_CODES, formatFrame } from '../../../src/domain/wire/qr/frame';
import { QR_MODES } from '../../../src/domain/wire/qr/layout';
import { evidenceId, makeFair, submitPayload } from '../../support/builders';

/**
 * The FC1 format end to end (QR-SPEC.md). Hostile frames are built here from the SPEC's own
 * words (`signed`, `forge`), not through the encoder, so a test can catch an encoder and a parser
 * that agree on the same mistake.
 */

// ---- fixtures -------------------------------------------------------------------------------

/** A complaint as the phone sends it, grown with accused items (Chinese text, photo hashes) to ≥ `bytes`. */
function complaintJson(bytes: number): string {
  const base = submitPayload(makeFair(), { channel: 'phone_qr' });
  const items: unknown[] = [];
  let json = '';
  for (let i = 0; utf8ToBytes(json).length < bytes; i++) {
    items.push({
      description: `折叠椅 型号 A${i}，与专利 ZL201710601862.3 权利要求 1 的全部技术特征相同；展台 11.2 C0${i % 10} 现场陈列 ${i + 2} 件`,
      evidenceIds: [evidenceId(10 + i)],
      photos: [{ sha256: Buffer.from(sha256(utf8ToBytes(`photo ${i}`))).toString('hex'), bytes: 180_000 + i * 977 }],
    });
    json = JSON.stringify({ ...base, accusedItems: items });
  }
  return json;
}

const utf8Length = (s: string): number => utf8ToBytes(s).length;

/** QR5 restated: the check is base45 of SHA-256(tag + body)[0..4], placed after the tag. */
const signed = (body: string): string =>
  FRAME_TAG + base45Encode(sha256(utf8ToBytes(FRAME_TAG + body)).subarray(0, 4)) + body;

const hashField = (bytes: Uint8Array): string => base45Encode(sha256(bytes).subarray(0, 12));

/** Frames an attacker could build: any compressed bytes under any claimed payload hash. */
function forge(compressed: Uint8Array, claimedHash: string, partBytes = 600): string[] {
  const total = Math.max(1, Math.ceil(compressed.length / partBytes));
  return Array.from({ length: total }, (_, i) =>
    formatFrame(claimedHash, i, total, compressed.subarray(i * partBytes, (i + 1) * partBytes)),
  );
}

const feed = (frames: readonly string[]): AssemblyStatus[] => {
  const a = createAssembler();
  return frames.map((f) => a.accept(f));
};
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
const codeOf = (s: AssemblyStatus | undefined): string => (s === undefined ? 'none' : s.status === 'error' ? s.code : s.status);

/** Seeded shuffle (mulberry32), so a failing property replays from fast-check's seed alone. */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Text deflate cannot shrink much, seeded; no `"` or `\` so its JSON is its length + 2. */
const noise = (length: number, seed: number): string => {
  const chars = BASE45_ALPHABET + 'abcdefghijklmnopqrstuvwxyz!#&()<=>?@[]^_`{|}~';
  let x = seed | 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += chars[(x >>> 0) % chars.length] ?? '';
  }
  return out;
};

/** Payloads up to the limit: JSON values, Unicode text (lone surrogates JSON-escaped), and filler up to exactly 32 KiB. */
const payloadArb = fc.oneof(
  { weight: 3, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }).map((d) => JSON.stringify({ d })) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4000 }).map((d) => JSON.stringify([d, d.length])) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: MAX_PAYLOAD_BYTES - 2 }), fc.integer()).map(([n, seed]) => JSON.stringify(noise(n, seed))),
  },
  { weight: 1, arbitrary: fc.constant(JSON.stringify(noise(MAX_PAYLOAD_BYTES - 2, 99))) },
);
const modeArb = fc.constantFrom<QrMode>(...QR_MODES);

const encoded = (json: string, mode: QrMode) => {
  const r = tryEncodeFrames(json, mode);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

const COMPLAINT_3KB = complaintJson(3 * 1024);

// ---- round trip -----------------------------------------------------------------------------

describe('FC1 round trip (QR-SPEC.md QR2, QR3, QR10)', () => {
  test.each(QR_MODES)('[QR10] a 3 KB complaint comes back byte for byte in %s mode', (mode) => {
    const frames = encodeFrames(COMPLAINT_3KB, mode);
    const results = feed(frames);
    expect(results.slice(0, -1).every((r) => r.status === 'progress')).toBe(true);
    const done = last(results);
    expect(done?.status === 'complete' && done.json).toBe(COMPLAINT_3KB);
  });

  test('[QR13] figures: frame count and bytes per frame for a 3 KB complaint', () => {
    const lines: string[] = [];
    const size = utf8Length(COMPLAINT_3KB);
    for (const mode of QR_MODES) {
      const { frames, layout } = encoded(COMPLAINT_3KB, mode);
      const loopMs = frames.length * layout.intervalMs;
      lines.push(
        `${mode.padEnd(6)} ${size} B JSON → ${frames.length} frames × ≤ ${layout.bytesPerPart} B compressed ` +
          `(${layout.frameChars} chars, QR version ${layout.qrVersion}, level M), one loop ${loopMs} ms`,
      );
      expect(loopMs).toBeLessThanOrEqual(mode === 'normal' ? 1000 : 5000);
    }
    console.log(`[QR13] 3 KB complaint:\n  ${lines.join('\n  ')}`);
    expect(size).toBeGreaterThanOrEqual(3 * 1024);
  });

  test('[QR3] every frame has the tag, the payload hash and its number; the same JSON always gives the same frames', () => {
    const { frames, payloadId } = encoded(COMPLAINT_3KB, 'slow');
    const hash = hashField(utf8ToBytes(COMPLAINT_3KB));
    expect(payloadId).toBe(Buffer.from(sha256(utf8ToBytes(COMPLAINT_3KB)).subarray(0, 12)).toString('hex'));
    frames.forEach((f, i) => {
      expect(f.startsWith('FC1:')).toBe(true);
      expect(f.slice(10, 28)).toBe(hash);
      expect(f.slice(28, 34)).toBe(`${String(i).padStart(3, '0')}${String(frames.length).padStart(3, '0')}`);
      expect(f).toBe(signed(f.slice(10)));
    });
    expect(encodeFrames(COMPLAINT_3KB, 'slow')).toEqual(frames);
  });

  test('[QR10] progress lists the parts read so far, in order; repeats change nothing; the end repeats `complete`', () => {
    const frames = encodeFrames(COMPLAINT_3KB, 'slow');
    expect(frames.length).toBeGreaterThanOrEqual(4);
    const a = createAssembler();
    expect(a.progress()).toEqual({ status: 'progress', received: [], total: 0 });
    expect(a.accept(frames[3] ?? '')).toEqual({ status: 'progress', received: [3], total: frames.length });
    expect(a.accept(frames[1] ?? '')).toEqual({ status: 'progress', received: [1, 3], total: frames.length });
    expect(a.accept(frames[3] ?? '')).toEqual({ status: 'progress', received: [1, 3], total: frames.length });
    const results = frames.map((f) => a.accept(f));
    const done = last(results);
    expect(done?.status).toBe('complete');
    expect(a.accept(frames[0] ?? '')).toEqual(done);
  });
});

describe('FC1 trust (QR-SPEC.md QR12)', () => {
  test('[QR12] frames written from the SPEC alone complete: the format vouches for integrity, not for who made them', () => {
    const json = JSON.stringify({ ...JSON.parse(COMPLAINT_3KB), note: 'made without the encoder' });
    const utf8 = utf8ToBytes(json);
    const compressed = deflateSync(utf8, { level: 1 }); // any DEFLATE stream will do (QR2)
    const n = 300;
    const total = Math.ceil(compressed.length / n);
    const three = (x: number) => String(x).padStart(3, '0');
    const frames = Array.from({ length: total }, (_, i) =>
      signed(`${hashField(utf8)}${three(i)}${three(total)}${base45Encode(compressed.subarray(i * n, (i + 1) * n))}`),
    );
    const done = last(feed(shuffle(frames, 3)));
    // It completes: so the desk must parse the JSON with zod and show a preview before creating anything.
    expect(done?.status === 'complete' && done.json).toBe(json);
  });
});

// ---- one test per error code ----------------------------------------------------------------

describe('FC1 refusals (QR-SPEC.md QR9: every failure is a code)', () => {
  const frames = encodeFrames(COMPLAINT_3KB, 'normal');
  const first = frames[0] ?? '';

  test('[QR9] the codes are exactly the six of the SPEC', () => {
    expect([...QR_ERROR_CODES].sort()).toEqual(['QR_MALFORMED', 'QR_MIXED', 'QR_NOT_OURS', 'QR_TAMPERED', 'QR_TOO_LARGE', 'QR_VERSION']);
  });

  test.each([
    ['empty text', ''],
    ['a web address', 'https://fair.example/desk?fair=CIFF2025'],
    ['an EU health certificate (also base45)', 'HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOOK.IR9B+9G4G50PHZF0AT4V22F/8X*G3M9JUPY0BX/KR96R/S09T./0LWTKD33236J3TA3M*4VV2 73-E3GG396B-43O058YIB73A*G3W19UEBY5:PI0EGSP4*2DN43U*0CEBQ/GXQFY73CIBC:G 7376BXBJBAJ UNFMJCRN0H3PQN*E33H3OA70M3FMJIJN523.K5QZ4A+2XEN QT QTHC31M3+E32R44$28A9H0D3ZCL4JMYAZ+S-A5$XKX6T2YC 35H/ITX8GL2-LH/CJTK96L6SR9MU9RFGJA6Q3QR$P2OIC0JVLA8J3ET3:H3A+2+33U SAAUOT3TPTO4UBZIC0JKQTL*QDKBO.AI9BVYTOCFOPS4IJCOT0$89NT2V457U8+9W2KQ-7LF9-DF07U$B97JJ1D7WKP/HLIJLRKF1MFHJP7NVDEBU1J*Z222E.GJF67Z JA6B.38O4BH*HB0EGLE2%V -3O+J3.PI2G:M1SSP2Y3D38-G9C+Q8B7+0DCHC*0Q3X0SQ0TXCUT:R2AWJ%0R8B6/OB7GP07M0SNTQTD%LG*OV2BW9HJLM8RRN3NEEHB4BA3PRNPTA4SA'],
    ['lower-case tag', first.toLowerCase()],
    ['a tag without a version', `FC:${first.slice(4)}`],
    ['a tag without its colon', `FC1${first.slice(4)}`],
  ])('[QR1] QR_NOT_OURS: %s', (_, text) => {
    const a = createAssembler();
    expect(codeOf(a.accept(text))).toBe('QR_NOT_OURS');
    expect(a.progress().received).toEqual([]);
  });

  test.each(['FC0:', 'FC2:', 'FC10:', 'FC01:'])('[QR1] QR_VERSION: a frame tagged %s', (tag) => {
    expect(codeOf(createAssembler().accept(tag + first.slice(4)))).toBe('QR_VERSION');
  });

  test('[QR5] QR_TAMPERED: a part that fails its own check is refused before anything in it is read', () => {
    const i = 40;
    const changed = first.slice(0, i) + (first[i] === 'A' ? 'B' : 'A') + first.slice(i + 1);
    const a = createAssembler();
    expect(codeOf(a.accept(changed))).toBe('QR_TAMPERED');
    expect(a.progress().received).toEqual([]);
    // A changed check field alone is caught the same way.
    expect(codeOf(a.accept(`${FRAME_TAG}${first[4] === '0' ? '1' : '0'}${first.slice(5)}`))).toBe('QR_TAMPERED');
  });

  test('[QR10] QR_TAMPERED: another part under a number already read; the first one is kept and completes', () => {
    const hash = hashField(utf8ToBytes(COMPLAINT_3KB));
    const impostor = formatFrame(hash, 0, frames.length, new Uint8Array([1, 2, 3, 4]));
    const results = feed([first, impostor, ...frames.slice(1)]);
    expect(codeOf(results[1])).toBe('QR_TAMPERED');
    const done = last(results);
    expect(done?.status === 'complete' && done.json).toBe(COMPLAINT_3KB);
  });

  test('[QR10] QR_TAMPERED: a part of the same payload that claims another part count', () => {
    const hash = hashField(utf8ToBytes(COMPLAINT_3KB));
    const results = feed([first, formatFrame(hash, 0, frames.length + 1, new Uint8Array([1, 2]))]);
    expect(codeOf(results[1])).toBe('QR_TAMPERED');
  });

  test('[QR11] QR_TAMPERED: parts that pass their own checks but not the payload hash; the assembler starts over', () => {
    const other = utf8ToBytes(JSON.stringify({ forged: true, pad: 'x'.repeat(50) }));
    const forged = forge(deflateSync(other), hashField(utf8ToBytes(COMPLAINT_3KB)));
    const a = createAssembler();
    const results = forged.map((f) => a.accept(f));
    expect(codeOf(last(results))).toBe('QR_TAMPERED');
    expect(a.progress().received).toEqual([]);
    // The honest loop that follows still completes.
    const done = last(frames.map((f) => a.accept(f)));
    expect(done?.status === 'complete' && done.json).toBe(COMPLAINT_3KB);
  });

  test('[QR11] QR_TAMPERED: parts whose bytes are not a deflate stream', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x07, 0x00]);
    expect(codeOf(last(feed(forge(garbage, hashField(garbage)))))).toBe('QR_TAMPERED');
  });

  test('[QR10] QR_MIXED: a frame of a second payload is refused and the first payload still completes', () => {
    const second = encodeFrames(complaintJson(2000), 'normal');
    const a = createAssembler();
    expect(a.accept(first).status).toBe('progress');
    expect(codeOf(a.accept(second[0] ?? ''))).toBe('QR_MIXED');
    expect(a.progress().received).toEqual([0]);
    const done = last(frames.slice(1).map((f) => a.accept(f)));
    expect(done?.status === 'complete' && done.json).toBe(COMPLAINT_3KB);
    expect(codeOf(a.accept(second[1] ?? second[0] ?? ''))).toBe('QR_MIXED');
  });

  test('[QR2] QR_TOO_LARGE: the phone refuses JSON over 32 KiB and takes exactly 32 KiB', () => {
    const limit = JSON.stringify(noise(MAX_PAYLOAD_BYTES - 2, 5));
    expect(utf8Length(limit)).toBe(MAX_PAYLOAD_BYTES);
    expect(tryEncodeFrames(limit, 'slow').ok).toBe(true);
    const over = JSON.stringify(noise(MAX_PAYLOAD_BYTES - 1, 5));
    expect(tryEncodeFrames(over, 'normal')).toEqual({ ok: false, error: { code: 'QR_TOO_LARGE' } });
    // 32 KiB counts UTF-8 bytes, not characters: 11,000 CJK characters are 33,000 bytes.
    expect(tryEncodeFrames(JSON.stringify('展'.repeat(11_000)), 'normal')).toEqual({ ok: false, error: { code: 'QR_TOO_LARGE' } });
    expect(() => encodeFrames(over, 'normal')).toThrow(new RangeError('QR_TOO_LARGE'));
  });

  test('[QR2] ten accused items with full 500-character Chinese descriptions fit; fifty (the case maximum) are QR_TOO_LARGE', () => {
    // 500 characters drawn from 2,000 common-range CJK ideographs, seeded: text, not a repeated phrase.
    const cjk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join('');
    const description = (seed: number) => [...noise(500, seed)].map((c, k) => cjk[(c.charCodeAt(0) * 13 + k) % cjk.length]).join('');
    const complaint = (items: number) =>
      JSON.stringify(
        submitPayload(makeFair(), {
          channel: 'phone_qr',
          accusedItems: Array.from({ length: items }, (_, i) => ({ description: description(i + 1), evidenceIds: [evidenceId(i + 1)] })),
        }),
      );
    const ten = complaint(10);
    expect(utf8Length(ten)).toBeGreaterThan(16_000);
    expect(utf8Length(ten)).toBeLessThan(18_000);
    expect(tryEncodeFrames(ten, 'normal').ok).toBe(true);
    expect(tryEncodeFrames(complaint(50), 'normal')).toEqual({ ok: false, error: { code: 'QR_TOO_LARGE' } });
  });

  test('[QR2] QR_TOO_LARGE: a frame announcing more parts than MAX_PARTS', () => {
    const hash = hashField(utf8ToBytes('{}'));
    expect(codeOf(createAssembler().accept(formatFrame(hash, 0, MAX_PARTS + 1, new Uint8Array([1, 2]))))).toBe('QR_TOO_LARGE');
    expect(codeOf(createAssembler().accept(formatFrame(hash, 0, MAX_PARTS, new Uint8Array([1, 2]))))).toBe('progress');
  });

  test('[QR11] QR_TOO_LARGE: a deflate bomb stops at the limit, in bounded time', () => {
    const huge = utf8ToBytes(`[${'0,'.repeat(2_000_000)}0]`);
    const compressed = deflateSync(huge, { level: 9 });
    const started = performance.now();
    expect(codeOf(last(feed(forge(compressed, hashField(huge)))))).toBe('QR_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test.each([
    ['not JSON', 'complaint: 折叠椅'],
    ['an unpaired surrogate', '{"d":"\uD800"}'],
    ['nothing', ''],
  ])('[QR2] QR_MALFORMED: the phone refuses %s', (_, text) => {
    expect(tryEncodeFrames(text, 'normal')).toEqual({ ok: false, error: { code: 'QR_MALFORMED' } });
  });

  test('[QR3] QR_MALFORMED: frames of the wrong shape, even with a valid check', () => {
    const hash = hashField(utf8ToBytes('{}'));
    const shapes = {
      'a character outside the alphabet': first.slice(0, 50) + 'a' + first.slice(51),
      'a header and no data': signed(`${hash}000001`),
      'longer than QR version 20 holds': signed(`${hash}000001${'00'.repeat(480)}`),
      'part 3 of 3': formatFrame(hash, 3, 3, new Uint8Array([1, 2])),
      'part 0 of 0': formatFrame(hash, 0, 0, new Uint8Array([1, 2])),
      'a part number that is not digits': signed(`${hash}0A0001ABC`),
      'data of length 3k+1': signed(`${hash}000001ABCD`),
      'a base45 group above 65535': signed(`${hash}000001GGW`),
      'a hash field that is not 12 bytes': signed(`${'GGW'.repeat(6)}000001ABC`),
    };
    for (const [what, text] of Object.entries(shapes)) {
      expect(`${what}: ${codeOf(createAssembler().accept(text))}`).toBe(`${what}: QR_MALFORMED`);
    }
  });

  test.each([
    ['text that is not JSON', utf8ToBytes('complaint: 折叠椅')],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x7d, 0xff, 0xfe])],
  ])('[QR11] QR_MALFORMED: a payload that matches its hash but is %s', (_, bytes) => {
    expect(codeOf(last(feed(forge(deflateSync(bytes), hashField(bytes)))))).toBe('QR_MALFORMED');
  });
});

// ---- properties -----------------------------------------------------------------------------

/** Payloads up to 32 KiB, 1,000 times, on two shared cores: minutes, not the default 5 s. */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('FC1 properties (fast-check, 1,000 runs each; a failure prints its seed)', () => {
  test('[QR10] any payload up to the limit survives any part order and any duplicated frames', () => {
    fc.assert(
      fc.property(
        payloadArb,
        modeArb,
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
        (json, mode, seed, duplicates) => {
          const frames = encodeFrames(json, mode);
          const order = shuffle(frames, seed);
          for (const [which, where] of duplicates) {
            order.splice(where % (order.length + 1), 0, frames[which % frames.length] ?? '');
          }
          const a = createAssembler();
          const seen = new Set<string>();
          for (const f of order) {
            seen.add(f);
            const r = a.accept(f);
            if (seen.size < frames.length) {
              expect(r.status === 'progress' && r.received.length).toBe(seen.size);
            } else {
              expect(r.status === 'complete' && r.json).toBe(json);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('[QR5] a single changed character in any frame is refused, and never yields a wrong payload', () => {
    const replacement = fc.oneof(
      fc.constantFrom(...BASE45_ALPHABET),
      fc.constantFrom('a', 'z', '=', '\n', '\u0000', '展'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ unit: 'grapheme', maxLength: 3000 }).map((d) => JSON.stringify({ d }))),
        modeArb,
        fc.nat(),
        fc.nat(),
        replacement,
        (json, mode, which, where, char) => {
          const frames = encodeFrames(json, mode);
          const k = which % frames.length;
          const honest = frames[k] ?? '';
          const at = where % honest.length;
          fc.pre(honest[at] !== char);
          const changed = honest.slice(0, at) + char + honest.slice(at + 1);

          const a = createAssembler();
          frames.forEach((f, i) => i !== k && a.accept(f));
          const r = a.accept(changed);
          expect(r.status).toBe('error');
          const allowed = at < FRAME_TAG.length ? ['QR_NOT_OURS', 'QR_VERSION'] : ['QR_TAMPERED', 'QR_MALFORMED'];
          expect(allowed).toContain(codeOf(r));
          const done = a.accept(honest);
          expect(done.status === 'complete' && done.json).toBe(json);
        },
      ),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('[QR11] a flipped bit in the compressed bytes, with every part check recomputed, never yields a wrong payload', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ unit: 'grapheme', maxLength: 3000 }).map((d) => JSON.stringify({ d }))),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (json, where, bit) => {
          const utf8 = utf8ToBytes(json);
          const compressed = deflateSync(utf8, { level: 9 });
          const flipped = compressed.slice();
          const at = where % flipped.length;
          flipped[at] = (flipped[at] ?? 0) ^ (1 << bit);
          const r = last(feed(forge(flipped, hashField(utf8), 184)));
          // A bit deflate never reads (padding after the last block) changes nothing: the same
          // payload, vouched for by its hash. Anything else is refused.
          if (r?.status === 'complete') expect(r.json).toBe(json);
          else expect(['QR_TAMPERED', 'QR_MALFORMED', 'QR_TOO_LARGE']).toContain(codeOf(r));
        },
      ),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('[QR9] any text at all, also text with a valid part check, gets an answer and never an exception', () => {
    const alnum = fc.string({ unit: fc.constantFrom(...BASE45_ALPHABET), maxLength: 120 });
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 1200 }),
      alnum.map((body) => `FC1:${body}`),
      // Past the check: hash, numbers and data are whatever the generator makes of them.
      fc.tuple(alnum, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), alnum).map(
        ([h, i, n, data]) => signed(`${h.padEnd(18, '0').slice(0, 18)}00${i}00${n}${data}`),
      ),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (texts) => {
        const a = createAssembler();
        for (const t of texts) {
          const r = a.accept(t);
          if (r.status === 'error') expect(QR_ERROR_CODES).toContain(r.code);
          // Random bytes never pass the 96-bit payload hash.
          expect(r.status).not.toBe('complete');
        }
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('[QR10] frames of two payloads mixed: every frame of the second is QR_MIXED and the first completes', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 2 }), payloadArb, modeArb, fc.nat(), (jsonA, jsonB, mode, seed) => {
        fc.pre(jsonA !== jsonB);
        const a = encodeFrames(jsonA, mode);
        const b = encodeFrames(jsonB, mode);
        const [head, ...rest] = shuffle(a, seed);
        const mixed = [head ?? '', ...shuffle([...rest, ...b], seed + 1)];
        const assembler = createAssembler();
        const bFrames = new Set(b);
        let completed: string | undefined;
        for (const f of mixed) {
          const r = assembler.accept(f);
          if (bFrames.has(f)) expect(codeOf(r)).toBe('QR_MIXED');
          else if (r.status === 'complete') completed = r.json;
          else expect(r.status).toBe('progress');
        }
        expect(completed).toBe(jsonA);
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
