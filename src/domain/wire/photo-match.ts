import type { PhoneComplaint } from './phone-payload';

/**
 * The desk's check of a phone's photos: the complaint lists each photo by the
 * SHA-256 of its bytes; a file the desk takes, is given or fetches (PI8) belongs to the complaint
 * only when its own hash is one of them. Hashing is the caller's (WebCrypto); this is the matching.
 */

/** One photo the phone listed, as the clerk sees it: its item, its code (the hash's first 8 hex) and name. */
export interface ExpectedPhoto {
  readonly sha256: string;
  readonly code: string;
  readonly itemIndex: number;
  readonly itemDescription: string;
  readonly name: string | undefined;
}

/** Characters of the hash shown to the clerk and the filer: enough to tell a filing's photos apart. */
export const PHOTO_CODE_LENGTH = 8;

export const photoCode = (sha256: string): string => sha256.slice(0, PHOTO_CODE_LENGTH);

/** Every photo the complaint lists, item by item; a photo listed twice is expected once. */
export function expectedPhotos(complaint: Pick<PhoneComplaint, 'accusedItems'>): ExpectedPhoto[] {
  const seen = new Set<string>();
  const out: ExpectedPhoto[] = [];
  complaint.accusedItems.forEach((item, itemIndex) => {
    for (const p of item.photos) {
      if (seen.has(p.sha256)) continue;
      seen.add(p.sha256);
      out.push({ sha256: p.sha256, code: photoCode(p.sha256), itemIndex, itemDescription: item.description, name: p.name });
    }
  });
  return out;
}

/** A file the desk offered, with the hash of its bytes. */
export interface OfferedPhoto<F> {
  readonly sha256: string;
  readonly file: F;
}

export interface PhotoMatch<F> {
  /** The offered files that are listed photos, by hash (the first file of each hash wins). */
  readonly matched: ReadonlyMap<string, F>;
  /** Offered files that match no listed photo. */
  readonly unmatched: readonly F[];
}

/**
 * Sorts offered files into listed photos and strangers. With `only`, a file counts only when it
 * is that one photo (the clerk took it for one line of the list); hashes compare in lower case.
 */
export function matchPhotos<F>(expected: readonly Pick<ExpectedPhoto, 'sha256'>[], offered: readonly OfferedPhoto<F>[], only?: string): PhotoMatch<F> {
  const wanted = new Set(expected.map((e) => e.sha256.toLowerCase()).filter((h) => only === undefined || h === only.toLowerCase()));
  const matched = new Map<string, F>();
  const unmatched: F[] = [];
  for (const o of offered) {
    const hash = o.sha256.toLowerCase();
    if (!wanted.has(hash)) unmatched.push(o.file);
    else if (!matched.has(hash)) matched.set(hash, o.file);
  }
  return { matched, unmatched };
}
