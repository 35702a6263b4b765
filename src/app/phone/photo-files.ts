/**
 * The photo files the filer picked on this page, by the SHA-256 the complaint lists them under,
 * so that an online send can upload them (PI7). Only in memory: a photo is never written to the
 * phone's storage, and after a reload the QR hand-off (the desk checks the photos) still works.
 */
const files = new Map<string, Blob>();

export const keepPhoto = (sha256: string, file: Blob): void => void files.set(sha256, file);
export const photoFile = (sha256: string): Blob | undefined => files.get(sha256);
