import { Dexie } from 'dexie';
import { err, ok, type Result } from '../../domain/result';
import type { SyncItem } from '../../domain/sync-item';
import type { Instant } from '../../domain/time';
import type { BundleError } from '../../domain/wire/bundle';
import { openBundle } from '../../domain/wire/bundle-zip';
import type { BlobRow } from '../../store/evidence';
import { loadDevice } from '../../store/device';
import type { TableName } from '../../store/db';
import { logState, receiveStamps, runWrite } from '../../store/write';
import { ALL_APPLIERS } from '../appliers/index';
import type { PullApplier } from '../pull-pages';
import { loadCredentials } from '../sync-state';

/**
 * Another tablet's bundle file, imported here (BUNDLE-SPEC.md BN11): opened and verified whole
 * first (BN2–BN6, BN9), then its records go through THE pull appliers and its files into the
 * evidence store's blob table, all in ONE Dexie transaction: a refused or failed import leaves
 * nothing (BN10), and importing the same bundle again changes nothing (the appliers skip what
 * they hold; a file is stored once per hash).
 */

export interface ImportSummary {
  readonly fairId: string;
  readonly deviceCode: string;
  /** Items of the other tablet handed to the appliers. */
  readonly items: number;
  /** Items of this tablet (its own bundle): its log has them already. */
  readonly own: number;
  readonly filesAdded: number;
  readonly filesHeld: number;
}

export type ImportError = BundleError | { readonly code: 'BUNDLE_STORE'; readonly params?: Readonly<Record<string, string>> };

const mimeOf = (items: readonly SyncItem[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const i of items) {
    const p = i.payload as { sha256?: unknown; mime?: unknown } | null;
    if (i.kind === 'evidence_meta' && typeof p?.sha256 === 'string' && typeof p.mime === 'string') out.set(p.sha256, p.mime);
  }
  return out;
};

export async function importBundle(
  data: Uint8Array,
  appliers: readonly PullApplier[] = ALL_APPLIERS,
  now: Instant = new Date().toISOString() as Instant,
): Promise<Result<ImportSummary, ImportError>> {
  const opened = openBundle(data);
  if (!opened.ok) return opened;
  const { manifest, items, blobs } = opened.value;
  // BN11: a tablet works for one fair; a bundle of another is not for it.
  const [credentials, device] = await Promise.all([loadCredentials(), loadDevice()]);
  const fairId = credentials?.fairId ?? device?.fairId;
  if (fairId !== undefined && fairId !== manifest.fairId) return err({ code: 'BUNDLE_WRONG_FAIR' });

  const mimes = mimeOf(items);
  const tables = [...new Set<TableName>(['meta', 'items', 'blobs', ...appliers.flatMap((a) => a.tables)])];
  const outcome = await runWrite(
    tables,
    async (db) => {
      const self = (await logState(db)).deviceId as string;
      const others = items.filter((i) => i.deviceId !== self);
      // As a pull page (pull-pages.ts): each applier inside this one transaction.
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
  if (!outcome.ok) return err({ code: 'BUNDLE_STORE', params: { kind: outcome.error.kind } });
  return ok({ fairId: manifest.fairId, deviceCode: manifest.deviceCode, ...outcome.value });
}
