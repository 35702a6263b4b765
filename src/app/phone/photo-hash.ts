import type { PhotoRef } from '../../domain/wire/phone-payload';

const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a file's own bytes: the phone lists photos by it and the desk matches files against it (issue 8 §3). */
export async function sha256OfFile(file: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

export async function photoRef(file: File): Promise<PhotoRef> {
  return { sha256: await sha256OfFile(file), name: file.name.slice(0, 120), bytes: file.size };
}
