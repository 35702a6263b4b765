import { deflateSync, inflateSync, strFromU8 } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Result } from '../result';
import { err, ok } from '../result';
import { base45Encode } from './qr/base45';
import type { QrErrorCode } from './qr/frame';
import { formatFrame, parseFrame } from './qr/frame';
import type { FrameLayout, QrMode } from './qr/layout';
import { chooseLayout, maxPartBytes } from './qr/layout';

/**
 * The animated multi-part QR hand-off from the phone to the desk (rules QR1–QR13 in QR-SPEC.md).
 * Pure: text in, frames out, and an assembler that turns scanned frames back into the JSON. The
 * caller parses that JSON with zod; nothing here knows what a complaint is.
 */

/**
 * QR2: the largest payload, in UTF-8 bytes of JSON before compression. Photos travel by hash
 * (PI9), so a complaint is text: ten accused items each with the full 500-character
 * Chinese description make ~17 KB. 32 KiB is twice that, and at worst (random printable text,
 * which deflates only to ~84 %) 44 frames in normal mode, an 11 s loop, about as long as anyone
 * holds a phone up to a desk.
 */
export const MAX_PAYLOAD_BYTES = 32 * 1024;
/** QR2: deflate never grows text by more than a few bytes per 16 KiB block; 1 KiB is ample. */
export const MAX_COMPRESSED_BYTES = MAX_PAYLOAD_BYTES + 1024;
/** QR2: the most parts a payload may have (slow mode at the compressed limit); more is QR_TOO_LARGE. */
export const MAX_PARTS = Math.ceil(MAX_COMPRESSED_BYTES / maxPartBytes('slow'));

/**
 * QR3: bytes of SHA-256 kept as the payload hash. 96 bits: the hash names the payload (so parts of
 * two payloads are told apart, QR_MIXED) and vouches for it after assembly. Forging a second payload
 * under a given hash costs 2^96 work and two payloads colliding by chance at one desk ~2^-96; 64
 * bits would do as well against chance but leaves collisions at 2^32 work, and 12 bytes cost only
 * 6 more characters a frame.
 */
const PAYLOAD_HASH_BYTES = 12;

export type { QrErrorCode } from './qr/frame';
export type { FrameLayout, QrMode } from './qr/layout';

export interface EncodedPayload {
  readonly frames: readonly string[];
  readonly layout: FrameLayout;
  /** Hex of the 96-bit payload hash: the same JSON always gives the same id. */
  readonly payloadId: string;
}

export interface QrError {
  readonly code: QrErrorCode;
}

/** Lone surrogates do not survive UTF-8; JSON.stringify never emits them (it escapes them). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** QR2, QR3, QR7: the frames for `payloadJson`, or why it cannot be sent. */
export function tryEncodeFrames(payloadJson: string, mode: QrMode): Result<EncodedPayload, QrError> {
  if (LONE_SURROGATE.test(payloadJson) || !isJson(payloadJson)) return err({ code: 'QR_MALFORMED' });
  const utf8 = utf8ToBytes(payloadJson);
  if (utf8.length > MAX_PAYLOAD_BYTES) return err({ code: 'QR_TOO_LARGE' });
  const hash = sha256(utf8).subarray(0, PAYLOAD_HASH_BYTES);
  const compressed = deflateSync(utf8, { level: 9 });
  if (compressed.length > MAX_COMPRESSED_BYTES) return err({ code: 'QR_TOO_LARGE' });
  const layout = chooseLayout(compressed.length, mode);
  const payloadHash = base45Encode(hash);
  const frames: string[] = [];
  for (let i = 0; i < layout.parts; i++) {
    const slice = compressed.subarray(i * layout.bytesPerPart, (i + 1) * layout.bytesPerPart);
    frames.push(formatFrame(payloadHash, i, layout.parts, slice));
  }
  return ok({ frames, layout, payloadId: bytesToHex(hash) });
}

/**
 * The frames for `payloadJson` (QR2, QR7, QR9). Throws a RangeError whose message is the code
 * when the payload cannot be sent; the phone should call `tryEncodeFrames` to show that code.
 */
export function encodeFrames(payloadJson: string, mode: QrMode): string[] {
  const encoded = tryEncodeFrames(payloadJson, mode);
  if (!encoded.ok) throw new RangeError(encoded.error.code);
  return [...encoded.value.frames];
}

export type AssemblyStatus =
  | { readonly status: 'progress'; readonly received: readonly number[]; readonly total: number }
  | { readonly status: 'complete'; readonly json: string; readonly payloadId: string }
  | { readonly status: 'error'; readonly code: QrErrorCode };

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Puts one payload back together from frames scanned in any order, any number of times (QR10).
 * One assembler per hand-off: a frame of another payload is refused, not started on (QR_MIXED).
 */
export class QrAssembler {
  #payloadHash: string | undefined;
  #total = 0;
  readonly #parts = new Map<number, Uint8Array>();
  #complete: { readonly json: string; readonly payloadId: string } | undefined;

  /** Feed one scanned text; the answer says where the hand-off stands or why this frame was refused. */
  accept(frameText: string): AssemblyStatus {
    const parsed = parseFrame(frameText, MAX_PARTS);
    if (!parsed.ok) return { status: 'error', code: parsed.code };
    const part = parsed.part;
    if (this.#payloadHash === undefined) {
      this.#payloadHash = part.payloadHash;
      this.#total = part.total;
    } else if (part.payloadHash !== this.#payloadHash) {
      return { status: 'error', code: 'QR_MIXED' };
    } else if (part.total !== this.#total) {
      // Same payload hash, different part count: only a forged frame does that.
      return { status: 'error', code: 'QR_TAMPERED' };
    }
    if (this.#complete !== undefined) return { status: 'complete', ...this.#complete };

    const known = this.#parts.get(part.index);
    if (known !== undefined && !sameBytes(known, part.bytes)) return { status: 'error', code: 'QR_TAMPERED' };
    this.#parts.set(part.index, part.bytes);
    if (this.#parts.size < this.#total) return this.progress();
    return this.#assemble(part.payloadHash);
  }

  /** The parts received so far (0-based, ascending) and the total, for the desk's progress display. */
  progress(): AssemblyStatus & { readonly status: 'progress' } {
    return { status: 'progress', received: [...this.#parts.keys()].sort((a, b) => a - b), total: this.#total };
  }

  #assemble(payloadHash: string): AssemblyStatus {
    const result = assemble(this.#parts, this.#total, payloadHash);
    if (!result.ok) {
      // QR11: the parts disagree with their hash and we cannot tell which one lies; start over so
      // the next loop of honest frames can still complete.
      this.#parts.clear();
      this.#payloadHash = undefined;
      this.#total = 0;
      return { status: 'error', code: result.error.code };
    }
    this.#complete = result.value;
    return { status: 'complete', ...result.value };
  }
}

/** A fresh assembler for one hand-off. */
export const createAssembler = (): QrAssembler => new QrAssembler();

/** QR11: concatenate, inflate within the size limit, check the payload hash, decode, check JSON. */
function assemble(
  parts: ReadonlyMap<number, Uint8Array>,
  total: number,
  payloadHash: string,
): Result<{ json: string; payloadId: string }, QrError> {
  const chunks = Array.from({ length: total }, (_, i) => parts.get(i) ?? new Uint8Array(0));
  const compressed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    compressed.set(c, offset);
    offset += c.length;
  }
  if (compressed.length > MAX_COMPRESSED_BYTES) return err({ code: 'QR_TOO_LARGE' });

  let utf8: Uint8Array;
  try {
    // A buffer one byte past the limit: fflate stops there instead of growing, so a deflate bomb
    // costs 32 KiB, and a full buffer means the payload is too large.
    utf8 = inflateSync(compressed, { out: new Uint8Array(MAX_PAYLOAD_BYTES + 1) });
  } catch {
    return err({ code: 'QR_TAMPERED' });
  }
  if (utf8.length > MAX_PAYLOAD_BYTES) return err({ code: 'QR_TOO_LARGE' });
  const hash = sha256(utf8).subarray(0, PAYLOAD_HASH_BYTES);
  if (base45Encode(hash) !== payloadHash) return err({ code: 'QR_TAMPERED' });

  const json = strFromU8(utf8);
  // Honest frames always carry valid UTF-8 JSON; anything else was built to pass the hash.
  if (!sameBytes(utf8ToBytes(json), utf8) || !isJson(json)) return err({ code: 'QR_MALFORMED' });
  return ok({ json, payloadId: bytesToHex(hash) });
}
