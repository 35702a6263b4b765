import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { FairCode } from '../fair';
import { FairId } from '../ids';
import { RegionCode } from '../region';
import { PostShowSummary } from '../report/summary-schema';
import { OptionalText, Text } from '../text';
import { CivilDate, Instant } from '../time';

/**
 * AR7: a fair held on another server reaches the administration as its organizer's summary
 * file: the post-show summary with the fair's facts, signed by the exporting server's Ed25519
 * key. An importer checks the signature against the key in the file and accepts only keys it
 * trusts, so an altered file fails the signature and a forged one (signed by an unknown key) is
 * refused. `revision` grows with each export of one fair, so a newer one can replace an older.
 */
export const SUMMARY_FILE_FORMAT = 'faircase-summary';

export const SummaryFileBody = z.object({
  format: z.literal(SUMMARY_FILE_FORMAT),
  formatVersion: z.literal(1),
  fair: z.object({
    id: FairId,
    code: FairCode,
    nameZh: Text(1, 100),
    nameEn: OptionalText(200),
    sessionNo: z.number().int().min(1).max(9999),
    region: RegionCode,
    firstDay: CivilDate,
    organizer: Text(1, 200),
  }),
  revision: z.number().int().min(1).max(1_000_000),
  /** AR5: the organizer closed the summary with every tablet complete. */
  final: z.boolean(),
  exportedAt: Instant,
  summary: PostShowSummary,
});
export type SummaryFileBody = z.infer<typeof SummaryFileBody>;

/** An Ed25519 public key, raw 32 bytes in lower-case hex; its SHA-256 is the key's id. */
const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), { message: 'HEX' });

export const SummaryFile = SummaryFileBody.extend({
  signer: z.object({ alg: z.literal('Ed25519'), publicKey: Hex(32) }),
  signature: Hex(64),
});
export type SummaryFile = z.infer<typeof SummaryFile>;

/** The bytes signed: the canonical JSON of everything but the signature (the signer's key is inside). */
type Unsigned = Omit<SummaryFile, 'signature'> | Omit<z.input<typeof SummaryFile>, 'signature'>;
export function summaryFileSignedText(file: Unsigned & { readonly signature?: unknown }): string {
  const { signature: _ignored, ...unsigned } = file;
  return canonicalJson(unsigned);
}
