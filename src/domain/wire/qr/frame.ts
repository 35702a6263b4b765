import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base45Decode, base45Encode, isAlphanumeric } from './base45';
import {
  FRAME_HEADER_CHARS,
  FRAME_TAG_LENGTH,
  MAX_FRAME_CHARS,
  PART_CHECK_CHARS,
  PART_NUMBER_DIGITS,
  PAYLOAD_HASH_CHARS,
} from './layout';

/**
 * One frame of the FC1 format (QR-SPEC.md QR3–QR5): its text and its parsing. Parsing checks the
 * frame alone; whether its payload is the one being assembled is the assembler's job.
 */

/** QR1: the format version this code writes and the only one it reads. */
export const QR_FORMAT_VERSION = 1;
export const FRAME_TAG = `FC${QR_FORMAT_VERSION}:`;

/** QR9: every way a frame or a payload is refused. Codes, never sentences: the app translates. */
export const QR_ERROR_CODES = [
  'QR_NOT_OURS',
  'QR_VERSION',
  'QR_TAMPERED',
  'QR_MIXED',
  'QR_TOO_LARGE',
  'QR_MALFORMED',
] as const;
export type QrErrorCode = (typeof QR_ERROR_CODES)[number];

export interface Part {
  /** The payload hash as written in the frame (base45 of the first 12 bytes of SHA-256). */
  readonly payloadHash: string;
  readonly index: number;
  readonly total: number;
  /** This part's slice of the compressed payload. */
  readonly bytes: Uint8Array;
}

/** QR5: the part check, base45 of the first 4 bytes of SHA-256 over the frame minus this field. */
const partCheck = (checkedText: string): string => base45Encode(sha256(utf8ToBytes(checkedText)).subarray(0, 4));

const number = (n: number): string => String(n).padStart(PART_NUMBER_DIGITS, '0');

/** The text of part `index` of `total`. `payloadHash` is the 18-character base45 hash. */
export function formatFrame(payloadHash: string, index: number, total: number, bytes: Uint8Array): string {
  const body = payloadHash + number(index) + number(total) + base45Encode(bytes);
  return FRAME_TAG + partCheck(FRAME_TAG + body) + body;
}

export type ParsedFrame = { readonly ok: true; readonly part: Part } | { readonly ok: false; readonly code: QrErrorCode };

const fail = (code: QrErrorCode): ParsedFrame => ({ ok: false, code });
const TAG = /^FC(\d{1,4}):/;
const NUMBER = /^\d{3}$/;

/**
 * Reads one frame. Order matters (QR4): first whose format it is, then its shape, then its check,
 * and only then the fields the check vouches for, so a damaged frame is reported as
 * QR_TAMPERED or QR_MALFORMED and never read as data.
 */
export function parseFrame(text: string, maxParts: number): ParsedFrame {
  const tag = TAG.exec(text);
  if (tag === null) return fail('QR_NOT_OURS');
  if (Number(tag[1]) !== QR_FORMAT_VERSION || tag[0] !== FRAME_TAG) return fail('QR_VERSION');
  if (text.length <= FRAME_HEADER_CHARS || text.length > MAX_FRAME_CHARS || !isAlphanumeric(text)) return fail('QR_MALFORMED');

  const check = text.slice(FRAME_TAG_LENGTH, FRAME_TAG_LENGTH + PART_CHECK_CHARS);
  const body = text.slice(FRAME_TAG_LENGTH + PART_CHECK_CHARS);
  if (partCheck(FRAME_TAG + body) !== check) return fail('QR_TAMPERED');

  const payloadHash = body.slice(0, PAYLOAD_HASH_CHARS);
  const indexText = body.slice(PAYLOAD_HASH_CHARS, PAYLOAD_HASH_CHARS + PART_NUMBER_DIGITS);
  const totalText = body.slice(PAYLOAD_HASH_CHARS + PART_NUMBER_DIGITS, PAYLOAD_HASH_CHARS + 2 * PART_NUMBER_DIGITS);
  const bytes = base45Decode(body.slice(PAYLOAD_HASH_CHARS + 2 * PART_NUMBER_DIGITS));
  const hashBytes = base45Decode(payloadHash);
  // A frame that passes its check but breaks these was built wrong or forged: QR_MALFORMED.
  if (!NUMBER.test(indexText) || !NUMBER.test(totalText) || bytes === undefined || hashBytes?.length !== 12) {
    return fail('QR_MALFORMED');
  }
  const index = Number(indexText);
  const total = Number(totalText);
  if (total > maxParts) return fail('QR_TOO_LARGE');
  if (total < 1 || index >= total) return fail('QR_MALFORMED');
  return { ok: true, part: { payloadHash, index, total, bytes } };
}
