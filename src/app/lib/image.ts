/**
 * Evidence photos (EN13): a phone camera gives 12 MP images; the desk keeps at most
 * 1600 px on the long side, re-encoded as JPEG on a canvas, BEFORE the store hashes it
 * (`storeEvidence`), so the hash is of the file actually kept.
 */
export const MAX_EDGE_PX = 1600;
const JPEG_QUALITY = 0.85;

export interface Downscaled {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

/** The size that fits `max` on the long side, never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_EDGE_PX): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes `file`, draws it at ≤ `max` px and encodes a JPEG. Rejects what is not an image. */
export async function downscaleImage(file: Blob, max = MAX_EDGE_PX): Promise<Downscaled> {
  // EXIF orientation applied, as the photo was seen on screen.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2d canvas');
    // JPEG has no alpha: a transparent PNG gets a white ground, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (blob === null) throw new Error('canvas encoding failed');
    return { blob, ...size };
  } finally {
    bitmap.close();
  }
}

/** A data URL (a signature drawn on the pad) as a Blob for `storeEvidence`. */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',');
  const mime = /^data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
