import { Dexie } from 'dexie';
import type { SyncItem } from '../domain/sync-item';
import type { Instant } from '../domain/time';
import type { PullApplier } from './appliers';
import { getDb } from './db';
import type { TableName } from './db';
import type { BlobRow } from './evidence';
import { logState, receiveStamps } from './local-log';
import type { StoreResult } from './result';
import { runWrite } from './transaction';

/**
 * The store's side of a bundle file (BUNDLE-SPEC.md): what the builder reads (BN8) and the one
 * transaction an import writes (BN10, BN11). Sync opens, verifies and packs the file.
 */

/** This device's evidence records of a fair: the files a bundle carries beside its items. */
export async function ownEvidenceShas(fairId: string, deviceId: string): Promise<string[]> {
  const own = await getDb().evidence.where('fairId').equals(fairId).toArray();
  return own.filter((e) => e.deviceId === deviceId).map((e) => e.sha256 as string);
}

/** The stored files of `shas`, in order; `undefined` where none is stored. */
export async function blobsOf(shas: readonly string[]): Promise<({ readonly sha256: string; readonly blob: Blob; readonly bytes: number } | undefined)[]> {
  return getDb().blobs.bulkGet([...shas]);
}

export interface BundleContents {
  readonly items: readonly SyncItem[];
  /** The bundle's files by SHA-256. */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

export interface BundleApplied {
  /** Items of another tablet handed to the appliers. */
  readonly items: number;
  /** Items of this tablet (its own bundle): its log has them already. */
  readonly own: number;
  readonly filesAdded: number;
  readonly filesHeld: number;
}

const mimeOf = (items: readonly SyncItem[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const i of items) {
    const p = i.payload as { sha256?: unknown; mime?: unknown } | null;
    if (i.kind === 'evidence_meta' && typeof p?.sha256 === 'string' && typeof p.mime === 'string') out.set(p.sha256, p.mime);
  }
  return out;
};

/**
 * BN10: a verified bundle's records go through THE pull appliers and its files into the blob
 * table, all in ONE transaction: a failed import leaves nothing, and importing the same bundle
 * again changes nothing (the appliers skip what they hold; a file is stored once per hash).
 */
export function importBundleContents(contents: BundleContents, appliers: readonly PullApplier[], now: Instant): Promise<StoreResult<BundleApplied>> {
  const { items, blobs } = contents;
  const mimes = mimeOf(items);
  const tables = [...new Set<TableName>(['meta', 'items', 'blobs', ...appliers.flatMap((a) => a.tables)])];
  return runWrite(
    tables,
    async (db) => {
      const self = (await logState(db)).deviceId as string;
      const others = items.filter((i) => i.deviceId !== self);
      // As a pull page (pull-page.ts): each applier inside this one transaction.
      for (const applier of appliers) await Dexie.Promise.resolve(applier.apply(db, others));
      // SY12: what is recorded after the import is stamped after every item of the bundle.
      await receiveStamps(db, items.map((i) => i.hlc), now);
      const shas = [...blobs.keys()];
      const held = await db.blobs.bulkGet(shas);
      const fresh: BlobRow[] = shas
        .filter((_, k) => held[k] === undefined)
        .map((sha) => {
          const bytes = blobs.get(sha) as Uint8Array;
          const mime = mimes.get(sha) ?? 'application/octet-stream';
          return { sha256: sha, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), mime, bytes: bytes.byteLength } as BlobRow;
        });
      await db.blobs.bulkPut(fresh);
      return { items: others.length, own: items.length - others.length, filesAdded: fresh.length, filesHeld: shas.length - fresh.length };
    },
    { log: false },
  );
}
