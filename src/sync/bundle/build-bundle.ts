import { err, ok, type Result } from '../../domain/result';
import type { SyncItem } from '../../domain/sync-item';
import type { Instant } from '../../domain/time';
import { MAX_BUNDLE_BYTES, MAX_BUNDLE_ENTRIES, MAX_BUNDLE_ITEMS } from '../../domain/wire/bundle';
import { bundleSigningKey } from '../../domain/wire/bundle-signature';
import { bundleFileName, packBundle } from '../../domain/wire/bundle-zip';
import { blobsOf, loadCredentials, loadDevice, loadLogState, outboxInSeqOrder, ownEvidenceShas } from '../../store';

/**
 * Builds the bundle file of this tablet (BUNDLE-SPEC.md BN8): the outbox (items
 * the server has not acknowledged) in seq order, and the evidence files the server may lack,
 * signed with the tablet's token (BN13).
 * Reading only: exporting frees nothing; the outbox empties when a push is acknowledged.
 */

export type BuildPhase = 'items' | 'files' | 'zip';
export interface BuildProgress {
  readonly phase: BuildPhase;
  readonly done: number;
  readonly total: number;
}

export interface BuiltBundle {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly fairId: string;
  readonly items: number;
  readonly files: number;
  /** Outbox items left for the network: another fair's (BN8), or past the item limit (BN9). */
  readonly leftOut: number;
}

/** Why no bundle was made (the app says each in zh-CN and English). */
export type BuildErrorCode = 'BUNDLE_NO_FAIR' | 'BUNDLE_EMPTY' | 'BUNDLE_TOO_LARGE' | 'BUNDLE_STORE';
export interface BuildError {
  readonly code: BuildErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Lets the page paint the progress between steps (the zip step itself is one synchronous call). */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const shaOf = (item: SyncItem): string | undefined => {
  const sha = (item.payload as { sha256?: unknown } | null)?.sha256;
  return item.kind === 'evidence_meta' && typeof sha === 'string' ? sha : undefined;
};

export async function buildBundle(now: Instant, onProgress: (p: BuildProgress) => void = () => {}): Promise<Result<BuiltBundle, BuildError>> {
  const log = await loadLogState();
  if (!log.ok) return err({ code: 'BUNDLE_STORE', params: { kind: log.error.kind } });
  const [credentials, device] = await Promise.all([loadCredentials(), loadDevice()]);
  const fairId = credentials?.fairId ?? device?.fairId;
  const deviceCode = credentials?.deviceCode ?? device?.shortCode;
  if (fairId === undefined || deviceCode === undefined) return err({ code: 'BUNDLE_NO_FAIR' });
  const deviceId = log.value.deviceId;

  onProgress({ phase: 'items', done: 0, total: 0 });
  const outbox = await outboxInSeqOrder();
  // BN8: stop before the first item of another fair (or past the limit), so no gap is made.
  const stop = outbox.findIndex((i, k) => i.fairId !== fairId || i.deviceId !== deviceId || k >= MAX_BUNDLE_ITEMS);
  const items = stop === -1 ? outbox : outbox.slice(0, stop);
  onProgress({ phase: 'items', done: items.length, total: items.length });

  // The files named by these items, and every file this tablet captured for the fair: the tablet
  // does not record which ones the server verified, and a file the server holds costs a no-op.
  const own = await ownEvidenceShas(fairId, deviceId);
  const shas = [...new Set([...items.flatMap((i) => shaOf(i) ?? []), ...own])];
  if (items.length === 0 && shas.length === 0) return err({ code: 'BUNDLE_EMPTY' });
  if (shas.length + 2 > MAX_BUNDLE_ENTRIES) return err({ code: 'BUNDLE_TOO_LARGE', params: { files: shas.length } });

  const rows = await blobsOf(shas);
  const blobs: { sha256: string; data: Uint8Array }[] = [];
  let bytes = 0;
  for (const [k, row] of rows.entries()) {
    onProgress({ phase: 'files', done: k, total: rows.length });
    if (row === undefined) continue;
    bytes += row.bytes;
    if (bytes > MAX_BUNDLE_BYTES) return err({ code: 'BUNDLE_TOO_LARGE', params: { bytes } });
    blobs.push({ sha256: row.sha256, data: new Uint8Array(await row.blob.arrayBuffer()) });
  }
  onProgress({ phase: 'files', done: rows.length, total: rows.length });
  onProgress({ phase: 'zip', done: 0, total: 1 });
  await yieldToPage();
  // BN13: signed with this tablet's token when it has one, so the server can tell it is genuine.
  const signingKey = credentials?.token === undefined ? undefined : bundleSigningKey(credentials.token);
  const zip = packBundle({ fairId, deviceId, deviceCode, createdAt: now, items, blobs, ...(signingKey === undefined ? {} : { signingKey }) });
  onProgress({ phase: 'zip', done: 1, total: 1 });
  return ok({ bytes: zip, fileName: bundleFileName(deviceCode, now), fairId, items: items.length, files: blobs.length, leftOut: outbox.length - items.length });
}
