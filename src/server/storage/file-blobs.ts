import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Evidence files beside the embedded database, one file per SHA-256. PGlite passes a 20 MB
 * `bytea` through WASM in tens of seconds; a file takes milliseconds. PGlite serves one process
 * only, so a folder next to it loses nothing of the multi-instance design (PostgreSQL keeps the
 * files in the database, where every instance sees them). Written to a temporary name and
 * renamed: a crash never leaves half a file under a hash.
 */
export interface BlobStore {
  put(sha256: string, data: Uint8Array): Promise<{ created: boolean }>;
  size(sha256: string): Promise<number | undefined>;
  get(sha256: string): Promise<Uint8Array | undefined>;
}

const SHA = /^[0-9a-f]{64}$/;

export function fileBlobStore(dir: string): BlobStore {
  mkdirSync(dir, { recursive: true });
  const path = (sha: string): string => {
    // The HTTP layer checks the shape; this keeps a path trick out even if a caller forgets.
    if (!SHA.test(sha)) throw new Error('not a SHA-256');
    return join(dir, sha);
  };
  const size = async (sha: string): Promise<number | undefined> => {
    try {
      return (await stat(path(sha))).size;
    } catch {
      return undefined;
    }
  };
  return {
    size,
    put: async (sha, data) => {
      if ((await size(sha)) !== undefined) return { created: false };
      const temp = join(dir, `.tmp-${randomUUID()}`);
      await writeFile(temp, data, { flush: true });
      try {
        await rename(temp, path(sha));
      } catch (e) {
        await unlink(temp).catch(() => {});
        throw e;
      }
      return { created: true };
    },
    get: async (sha) => {
      try {
        return new Uint8Array(await readFile(path(sha)));
      } catch {
        return undefined;
      }
    },
  };
}
