import { err, ok, type Result } from '../../domain/result';
import type { Instant } from '../../domain/time';
import type { BundleError } from '../../domain/wire/bundle';
import { openBundle } from '../../domain/wire/bundle-zip';
import { ALL_APPLIERS, importBundleContents, loadCredentials, loadDevice, type PullApplier } from '../../store';

/**
 * Another tablet's bundle file, imported here (BUNDLE-SPEC.md BN11): opened and verified whole
 * first (BN2–BN6, BN9), then its records go through THE pull appliers and its files into the
 * evidence store's blob table, all in ONE store transaction (`importBundleContents`): a refused
 * or failed import leaves nothing (BN10), and importing the same bundle again changes nothing (the appliers skip what
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

  const outcome = await importBundleContents({ items, blobs }, appliers, now);
  if (!outcome.ok) return err({ code: 'BUNDLE_STORE', params: { kind: outcome.error.kind } });
  return ok({ fairId: manifest.fairId, deviceCode: manifest.deviceCode, ...outcome.value });
}
