import { nowInstant } from '../../lib/clock';
import { buildBundle, type BuildProgress, type BuiltBundle } from '../../../sync/bundle/build-bundle';
import { importBundle, type ImportSummary } from '../../../sync/bundle/import-bundle';
import { uploadBundle } from '../../../sync/bundle/upload-bundle';
import { loadCredentials } from '../../../store/sync-state';
import type { BundleAccepted } from '../../../domain/wire/bundle';
import type { Result } from '../../../domain/result';

/**
 * The sync screen's bundle panel (issue 7 part 7): export this tablet's bundle and hand it to the
 * share sheet or a download, import a bundle here, or upload one to the server with this
 * tablet's token. Errors are codes (the view says them in the user's language).
 */
export type PanelError = { readonly code: string; readonly params?: Readonly<Record<string, string | number | boolean>> };

export const exportBundle = (onProgress: (p: BuildProgress) => void): Promise<Result<BuiltBundle, PanelError>> => buildBundle(nowInstant(), onProgress);

/**
 * The share sheet when the browser can share files (a tablet: USB is not reachable from a web
 * page, the sheet offers Files, Bluetooth, mail…), else a download. A refused or failed share
 * falls back to the download too, so the file is never lost.
 */
export async function handOver(bundle: Pick<BuiltBundle, 'bytes' | 'fileName'>): Promise<'shared' | 'downloaded'> {
  const file = new File([bundle.bytes as Uint8Array<ArrayBuffer>], bundle.fileName, { type: 'application/zip' });
  const nav = navigator as Navigator & { canShare?: (data: ShareData) => boolean };
  if (typeof nav.share === 'function' && nav.canShare?.({ files: [file] }) === true) {
    try {
      await nav.share({ files: [file], title: bundle.fileName });
      return 'shared';
    } catch {
      // Cancelled, or the user activation expired while the bundle was built: download instead.
    }
  }
  download(file);
  return 'downloaded';
}

function download(file: File): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const bytesOf = async (file: File): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());

export async function importFile(file: File): Promise<Result<ImportSummary, PanelError>> {
  return importBundle(await bytesOf(file));
}

export async function uploadFile(file: File): Promise<Result<BundleAccepted, PanelError>> {
  const credentials = await loadCredentials();
  if (credentials === undefined) return { ok: false, error: { code: 'NOT_ENROLLED' } };
  return uploadBundle(credentials.baseUrl, credentials.token, await bytesOf(file));
}
