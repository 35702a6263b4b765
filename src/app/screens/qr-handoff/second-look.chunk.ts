import { BarcodeFormat, BinaryBitmap, DecodeHintType, HTMLCanvasElementLuminanceSource, HybridBinarizer, MultiFormatReader } from 'html5-qrcode/third_party/zxing-js.umd';

/**
 * Another look at a camera frame html5-qrcode could not read: the same frame turned a
 * quarter turn either way, or at half size.
 *
 * Why: the ZXing that html5-qrcode 2.3.8 bundles scans the picture row by row from the top, stops
 * as soon as three candidate finder patterns have each been seen twice, and keeps the three seen
 * most often, without checking that they form the code's corner triangle. When the data area of a
 * frame happens to hold a finder-like black-white run (1:1:3:1:1), that run is confirmed before the
 * code's bottom-left corner is reached and the read fails, on every camera frame of that QR image,
 * the more often the larger the modules. Through Chromium's fake camera, html5-qrcode never read
 * some of the phone's frames at all. The phone loops the same picture, so at a desk where the phone
 * rests still that part never arrives and the hand-off never completes. Turned a quarter turn the
 * scan meets the corners in another order, and at half size a run spans fewer rows, so a frame the
 * upright look misses is read by another look (the last test of test/e2e/phone-handoff.e2e.ts
 * proves it through the fake camera).
 *
 * The same ZXing module as the scanner's own (one copy in the build), the same hints, luminance
 * and binarizer; only the picture differs. A QR code reads the same turned or scaled.
 */
export const LOOKS = ['clockwise', 'anticlockwise', 'half'] as const;
export type Look = (typeof LOOKS)[number];

/** QR codes only, and no "try harder": the hints html5-qrcode gives its own decoder. */
const HINTS = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
  [DecodeHintType.TRY_HARDER, false],
]);

/** Draws `frame` into `scratch` as `look` shows it. */
function draw(frame: HTMLCanvasElement, look: Look, scratch: HTMLCanvasElement): CanvasRenderingContext2D | undefined {
  const { width, height } = frame;
  const half = look === 'half';
  scratch.width = half ? Math.floor(width / 2) : height;
  scratch.height = half ? Math.floor(height / 2) : width;
  const context = scratch.getContext('2d', { willReadFrequently: true });
  if (context === null) return undefined;
  // Half size averages each 2 × 2 block; a quarter turn moves whole pixels, no resampling.
  context.imageSmoothingEnabled = half;
  if (look === 'clockwise') context.setTransform(0, 1, -1, 0, height, 0);
  else if (look === 'anticlockwise') context.setTransform(0, -1, 1, 0, 0, width);
  context.drawImage(frame, 0, 0, half ? scratch.width : width, half ? scratch.height : height);
  context.setTransform(1, 0, 0, 1, 0, 0);
  return context;
}

/** The text of the QR code in `frame` looked at as `look`, or undefined. `scratch` is reused between calls. */
export function decodeLook(frame: HTMLCanvasElement, look: Look, scratch: HTMLCanvasElement): string | undefined {
  if (frame.width < 2 || frame.height < 2 || draw(frame, look, scratch) === undefined) return undefined;
  try {
    const result = new MultiFormatReader(false, HINTS).decode(new BinaryBitmap(new HybridBinarizer(new HTMLCanvasElementLuminanceSource(scratch)))) as { text?: unknown };
    return typeof result.text === 'string' ? result.text : undefined;
  } catch {
    // Not in this look either: the next camera frame gets the next look.
    return undefined;
  }
}
