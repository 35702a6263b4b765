import { randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inflate } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ITEMS_PATH, MANIFEST_PATH, MAX_BUNDLE_BYTES, type BundleError } from '../../domain/wire/bundle';
import { entryProblem, inflatedLimit, verifyBundle, type EntryFacts, type VerifiedBundle } from '../../domain/wire/bundle-zip';
import { err, ok, type Result } from '../../domain/result';

/**
 * A bundle upload without holding the file in memory (BN9's 256 MB): the request body is
 * spooled to a temporary file as it arrives, then the ZIP is read through its central directory
 * (the same view `unzipSync` takes), one entry at a time and in chunks. Evidence files are only
 * hashed on this pass; the checks of BN2–BN6 (`verifyBundle`) run before anything is written
 * (BN10), and the files are read again, one by one, to be stored after the items (BN7). Only
 * the manifest and the items file (≤ 64 MB) are ever whole in memory.
 */
const CHUNK = 1024 * 1024;

export interface SpooledBundle {
  readonly bytes: number;
  /** Opens and verifies it; the evidence files come later through `readBlob`. */
  open(): Promise<Result<VerifiedBundle, BundleError>>;
  /** One verified evidence file's bytes (≤ 20 MB), inflated again from the file. */
  readBlob(path: string): Promise<Uint8Array>;
  /** Closes and deletes the temporary file. */
  dispose(): Promise<void>;
}

interface DirEntry {
  readonly name: string;
  readonly method: number;
  readonly size: number;
  readonly originalSize: number;
  readonly localOffset: number;
}

/** Spools a body of at most MAX_BUNDLE_BYTES; undefined when it grows past that (the rest is not read). */
export async function spoolBundle(body: ReadableStream<Uint8Array> | null): Promise<SpooledBundle | undefined> {
  const path = join(tmpdir(), `faircase-bundle-${randomUUID()}.zip`);
  const fh = await open(path, 'w+', 0o600);
  let bytes = 0;
  try {
    if (body !== null) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > MAX_BUNDLE_BYTES) {
          await reader.cancel().catch(() => {});
          await fh.close();
          await rm(path, { force: true });
          return undefined;
        }
        await fh.write(value);
      }
    }
  } catch (e) {
    await fh.close();
    await rm(path, { force: true });
    throw e;
  }
  const entries = new Map<string, DirEntry>();
  return {
    bytes,
    open: async () => {
      const dir = await readDirectory(fh, bytes);
      if (!dir.ok) return dir;
      const names = new Set<string>();
      for (const e of dir.value) {
        const problem = entryProblem(names, e);
        if (problem !== undefined) return err(problem);
        if (e.method !== 0 && e.method !== 8) return err({ code: 'BUNDLE_NOT_ZIP' });
        names.add(e.name);
        entries.set(e.name, e);
      }
      if (names.size === 0) return err({ code: 'BUNDLE_NOT_ZIP' });
      const facts = new Map<string, EntryFacts>();
      let manifest: Uint8Array | undefined;
      let items: Uint8Array | undefined;
      for (const e of entries.values()) {
        const keep = e.name === MANIFEST_PATH || e.name === ITEMS_PATH;
        const read = await inflateEntry(fh, bytes, e, keep);
        if (!read.ok) return read;
        facts.set(e.name, read.value.facts);
        if (e.name === MANIFEST_PATH) manifest = read.value.data;
        if (e.name === ITEMS_PATH) items = read.value.data;
      }
      return verifyBundle(facts, manifest, items);
    },
    readBlob: async (name) => {
      const e = entries.get(name);
      if (e === undefined) throw new Error(`no entry ${name}`);
      const read = await inflateEntry(fh, bytes, e, true);
      if (!read.ok || read.value.data === undefined) throw new Error(`entry ${name} changed on disk`);
      return read.value.data;
    },
    dispose: async () => {
      await fh.close().catch(() => {});
      await rm(path, { force: true });
    },
  };
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  let at = 0;
  while (at < length) {
    const { bytesRead } = await fh.read(buf, at, length - at, position + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at === length ? buf : buf.subarray(0, at);
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** The central directory (end record within the last 64 KB + 22 bytes); anything unreadable is BUNDLE_NOT_ZIP. */
async function readDirectory(fh: FileHandle, size: number): Promise<Result<DirEntry[], BundleError>> {
  const notZip = err({ code: 'BUNDLE_NOT_ZIP' } as BundleError);
  if (size < 22) return notZip;
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notZip;
  // The entries on this disk, as fflate's unzipSync counts them.
  const count = u16(tail, eocd + 8);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (dirOffset + dirSize > size) return notZip;
  const dir = await readAt(fh, dirOffset, dirSize);
  const out: DirEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || u32(dir, at) !== 0x02014b50) return notZip;
    const flags = u16(dir, at + 8);
    const nameLength = u16(dir, at + 28);
    const rawName = dir.subarray(at + 46, at + 46 + nameLength);
    out.push({
      // Bit 11: the name is UTF-8; otherwise fflate reads it as Latin-1, and so do we.
      name: flags & 0x800 ? new TextDecoder().decode(rawName) : String.fromCharCode(...rawName),
      method: u16(dir, at + 10),
      size: u32(dir, at + 20),
      originalSize: u32(dir, at + 24),
      localOffset: u32(dir, at + 42),
    });
    at += 46 + nameLength + u16(dir, at + 30) + u16(dir, at + 32);
  }
  return ok(out);
}

/** Inflates one entry in chunks, hashing it; stops at its BN9 limit. The bytes come back only when `keep`. */
async function inflateEntry(fh: FileHandle, size: number, e: DirEntry, keep: boolean): Promise<Result<{ facts: EntryFacts; data: Uint8Array | undefined }, BundleError>> {
  const head = await readAt(fh, e.localOffset, 30);
  if (head.length < 30 || u32(head, 0) !== 0x04034b50) return err({ code: 'BUNDLE_NOT_ZIP' });
  const start = e.localOffset + 30 + u16(head, 26) + u16(head, 28);
  if (start + e.size > size) return err({ code: 'BUNDLE_NOT_ZIP' });
  const limit = inflatedLimit(e.name);
  const hash = sha256.create();
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  // As `unzipSync` does, a deflated entry yields at most the size its directory entry states (a
  // lying header gets its bytes cut there, and then fails its hash): both openings agree.
  const cap = e.method === 8 ? e.originalSize : Number.POSITIVE_INFINITY;
  let capped = false;
  const take = (whole: Uint8Array): void => {
    const chunk = total + whole.byteLength > cap ? whole.subarray(0, cap - total) : whole;
    if (chunk !== whole) capped = true;
    total += chunk.byteLength;
    if (total > limit) tooLarge = true;
    if (tooLarge) return;
    hash.update(chunk);
    if (keep) parts.push(chunk);
  };
  const inflater = e.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
  try {
    for (let at = 0; at < e.size && !tooLarge && !capped; at += CHUNK) {
      const chunk = await readAt(fh, start + at, Math.min(CHUNK, e.size - at));
      const last = at + CHUNK >= e.size;
      if (inflater === undefined) take(chunk);
      else inflater.push(chunk, last);
      if (capped) break;
    }
    if (e.size === 0 && inflater !== undefined && e.originalSize > 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return err({ code: 'BUNDLE_NOT_ZIP' });
  }
  // A header may lie about the size; the inflated bytes may not (BN9).
  if (tooLarge) return err({ code: 'BUNDLE_ENTRY_TOO_LARGE', params: { path: e.name, limit } });
  let data: Uint8Array | undefined;
  if (keep) {
    data = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.byteLength;
    }
  }
  return ok({ facts: { bytes: total, sha256: bytesToHex(hash.digest()) }, data });
}
