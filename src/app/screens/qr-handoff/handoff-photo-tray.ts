import { createSignal, type Accessor } from 'solid-js';
import { matchPhotos, type ExpectedPhoto } from '../../../domain/wire/photo-match';
import { PUBLIC_PHOTO_MAX_BYTES } from '../../../domain/wire/public-intake';
import { sha256OfFile } from '../../phone/photo-hash';
import type { PhotoFiles } from './handoff-import';

/**
 * The photos taken for the complaint on the desk: the files matched to its list, and the names of
 * those that were not taken (PI9: over the evidence limit; or no listed SHA-256 matches).
 */
export interface PhotoTray {
  readonly photos: Accessor<PhotoFiles>;
  readonly unmatched: Accessor<readonly string[]>;
  readonly tooBig: Accessor<readonly string[]>;
  /** Offers files; with `only`, the clerk took them for that one line of the list. */
  add(files: FileList | null, only?: string): Promise<void>;
  /** Adds photos already checked against their hashes (an online draft's, PI8). */
  merge(got: PhotoFiles): void;
  clear(): void;
}

export function createPhotoTray(expected: Accessor<readonly ExpectedPhoto[]>): PhotoTray {
  const [photos, setPhotos] = createSignal<PhotoFiles>(new Map());
  const [unmatched, setUnmatched] = createSignal<readonly string[]>([]);
  const [tooBig, setTooBig] = createSignal<readonly string[]>([]);
  return {
    photos,
    unmatched,
    tooBig,
    // A file belongs to the complaint only when its SHA-256 is a listed one.
    async add(files, only) {
      // PI9: the file itself is the evidence, so one over the evidence limit cannot be taken.
      const all = [...(files ?? [])];
      const fits = all.filter((f) => f.size <= PUBLIC_PHOTO_MAX_BYTES);
      const offered = await Promise.all(fits.map(async (file) => ({ sha256: await sha256OfFile(file), file })));
      const { matched, unmatched: strangers } = matchPhotos(expected(), offered, only);
      setPhotos(new Map([...photos(), ...matched]));
      setUnmatched(strangers.map((f) => f.name));
      setTooBig(all.filter((f) => f.size > PUBLIC_PHOTO_MAX_BYTES).map((f) => f.name));
    },
    merge: (got) => void setPhotos(new Map([...photos(), ...got])),
    clear() {
      setPhotos(new Map());
      setUnmatched([]);
      setTooBig([]);
    },
  };
}
