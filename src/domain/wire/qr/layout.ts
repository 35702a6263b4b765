import { base45Length } from './base45';

/**
 * How a payload is cut into QR frames: the chooser of QR-SPEC.md QR6–QR8, a pure function of the
 * compressed size and the mode. No DOM: the phone page reads `qrVersion` and `intervalMs` from it
 * to draw the loop.
 */

export const QR_MODES = ['normal', 'slow'] as const;
export type QrMode = (typeof QR_MODES)[number];

/**
 * QR6: frames are drawn at error-correction level M. A phone screen held up to a tablet camera
 * has glare, moiré and a finger over a corner; M restores ~15 % of the codewords for ~22 % less
 * room than L, and a frame that is still missed simply comes round again in the next loop.
 */
export const QR_ERROR_CORRECTION = 'M';

/**
 * Characters a QR code of version v (index v − 1) holds in alphanumeric mode at level M
 * (ISO/IEC 18004:2015 table 7). `test/domain/wire/qr-layout.test.ts` checks every entry against
 * the `qrcode` library the phone draws with.
 */
export const ALPHANUMERIC_CAPACITY_M = [
  20, 38, 61, 90, 122, 154, 178, 221, 262, 311, 366, 419, 483, 528, 600, 656, 734, 816, 909, 970,
] as const;

/**
 * QR7: the largest QR version per mode. Version 20 (97×97 modules) still resolves on a tablet
 * camera at 20–30 cm from a mid-range phone; version 10 (57×57) keeps each module ≥ 5 px on a
 * 720 px-wide low-end screen, whose blur and slow redraw are what the slow mode is for.
 */
export const MAX_QR_VERSION = { normal: 20, slow: 10 } as const satisfies Record<QrMode, number>;

/**
 * QR8: time each frame stays on screen. The desk decodes ~10 camera frames a second; showing a
 * frame for 250 ms gives it two or three chances in normal mode, 500 ms leaves a slow phone time
 * to redraw and avoids frames torn between two codes.
 */
export const FRAME_INTERVAL_MS = { normal: 250, slow: 500 } as const satisfies Record<QrMode, number>;

/** QR3: `FC1:` + part check (6) + payload hash (18) + index (3) + total (3). */
export const FRAME_TAG_LENGTH = 4;
export const PART_CHECK_CHARS = 6;
export const PAYLOAD_HASH_CHARS = 18;
export const PART_NUMBER_DIGITS = 3;
export const FRAME_HEADER_CHARS = FRAME_TAG_LENGTH + PART_CHECK_CHARS + PAYLOAD_HASH_CHARS + 2 * PART_NUMBER_DIGITS;

/** Capacity at level M of a QR version (1–40 are real; the table stops at 20, our ceiling). */
export const capacityOf = (version: number): number => ALPHANUMERIC_CAPACITY_M[version - 1] ?? 0;

/** The smallest QR version (≤ 20) whose level-M alphanumeric capacity holds `chars`, or undefined. */
export const qrVersionFor = (chars: number): number | undefined => {
  const i = ALPHANUMERIC_CAPACITY_M.findIndex((cap) => cap >= chars);
  return i < 0 ? undefined : i + 1;
};

/** The longest frame any mode produces; longer text is not one of ours (QR_MALFORMED). */
export const MAX_FRAME_CHARS = capacityOf(MAX_QR_VERSION.normal);

/** Data bytes one part carries at most in `mode`: whole base45 groups only, so all but the last part are even. */
export const maxPartBytes = (mode: QrMode): number =>
  Math.floor((capacityOf(MAX_QR_VERSION[mode]) - FRAME_HEADER_CHARS) / 3) * 2;

export interface FrameLayout {
  readonly mode: QrMode;
  /** Number of parts (and frames). */
  readonly parts: number;
  /** Compressed bytes in every part but the last, which holds the rest. */
  readonly bytesPerPart: number;
  /** Length of the longest frame, in characters. */
  readonly frameChars: number;
  /** QR version to draw every frame at, so the code does not change size during the loop. */
  readonly qrVersion: number;
  readonly intervalMs: number;
}

/**
 * QR7: the fewest parts that fit the mode's largest version, then the bytes spread evenly over
 * them, so a 700-byte payload is two frames of 350 bytes, not 624 + 76, and draws at the smallest
 * version that holds them.
 */
export function chooseLayout(compressedBytes: number, mode: QrMode): FrameLayout {
  const max = maxPartBytes(mode);
  const parts = Math.max(1, Math.ceil(compressedBytes / max));
  const even = Math.ceil(compressedBytes / parts);
  const bytesPerPart = Math.max(2, even + (even % 2));
  const frameChars = FRAME_HEADER_CHARS + base45Length(bytesPerPart);
  return {
    mode,
    parts,
    bytesPerPart,
    frameChars,
    qrVersion: qrVersionFor(frameChars) ?? MAX_QR_VERSION[mode],
    intervalMs: FRAME_INTERVAL_MS[mode],
  };
}
