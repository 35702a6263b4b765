import type { PhotoRef } from '../../domain/wire/phone-payload';
import { keepPhoto } from './photo-files';

const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a file's own bytes: the phone lists photos by it and the desk matches files against it (PI9). */
export async function sha256OfFile(file: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

/** The file's reference for the complaint; the file itself is kept in memory for an online send (PI7). */
export async function photoRef(file: File): Promise<PhotoRef> {
  const sha256 = await sha256OfFile(file);
  keepPhoto(sha256, file);
  return { sha256, name: file.name.slice(0, 120), bytes: file.size };
}
