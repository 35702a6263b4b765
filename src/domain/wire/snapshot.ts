import { z } from 'zod';
import { FairId } from '../ids';
import { SyncItem } from '../sync-item';
import { Instant } from '../time';
import { ClientTooOld, ErrorReply, ServerTooOld } from './protocol';

/**
 * `GET /api/sync/snapshot` (SY84–SY87, src/sync/SPEC.md): a new tablet's first sync reads the
 * fair's current records, read at one server sequence `at`, instead of replaying every version;
 * it then pulls after `at`.
 */
export const MAX_SNAPSHOT_LIMIT = 5000;
/** What a tablet asks for: smaller pages than the most, which write faster (P5b, first-pull.bench.ts). */
export const SNAPSHOT_PAGE = 1000;

/** Where a page starts: after this `<rank>-<server seq>` (SY85's order), `0-0` for the first. */
export const SnapshotPosition = z.string().regex(/^[0-3]-\d{1,15}$/);
export const SNAPSHOT_START = '0-0';

export const SnapshotQuery = z.object({
  protocolVersion: z.coerce.number().int(),
  fair: FairId,
  /** The sequence the snapshot is read at (the first page's answer); absent on the first page. */
  at: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  after: SnapshotPosition.default(SNAPSHOT_START),
  limit: z.coerce.number().int().min(1).max(MAX_SNAPSHOT_LIMIT).default(MAX_SNAPSHOT_LIMIT),
});
export type SnapshotQuery = z.infer<typeof SnapshotQuery>;

export const SnapshotPage = z.object({
  type: z.literal('snapshot-page'),
  epoch: z.string(),
  /** SY84: the server sequence every page of this snapshot is read at; the pull cursor after it. */
  at: z.number().int().min(0),
  /** The snapshot's records in all (first page only). */
  total: z.number().int().min(0).optional(),
  items: z.array(SyncItem),
  /** The next page's `after`; null: this was the last page. */
  next: SnapshotPosition.nullable(),
  serverTime: Instant.optional(),
});
export type SnapshotPage = z.infer<typeof SnapshotPage>;

export const SnapshotReply = z.discriminatedUnion('type', [SnapshotPage, ClientTooOld, ServerTooOld, ErrorReply]);
export type SnapshotReply = z.infer<typeof SnapshotReply>;
