import { z } from 'zod';
import { DeviceCode } from '../case/case-number';
import { DeviceId, EventId, FairId } from '../ids';
import { SyncItem } from '../sync-item';
import { Instant } from '../time';

/**
 * The one wire contract between the tablets and the sync server (SY1–SY9 in `src/sync/SPEC.md`,
 * versioned by SY9). Both ends parse every message with these schemas.
 *
 * Versioning: a request carries `protocolVersion`. A server answers a client older than
 * `MIN_CLIENT_PROTOCOL` with `client-too-old` (HTTP 426: "update the app") and one newer than
 * itself with `server-too-old`; neither is a crash. The version is read with `VersionProbe`
 * BEFORE the full schema, so an old client's body that no longer parses still gets the clear
 * answer.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest client protocol this build still speaks. */
export const MIN_CLIENT_PROTOCOL = 1;

export const Rejection = { clientTooOld: 'client-too-old', serverTooOld: 'server-too-old' } as const;

/** Only the version, from a body or query that may otherwise be anything. */
export const VersionProbe = z.object({ protocolVersion: z.coerce.number().int() });

export type VersionCheck = 'ok' | (typeof Rejection)[keyof typeof Rejection];
export function checkVersion(clientVersion: number): VersionCheck {
  if (clientVersion < MIN_CLIENT_PROTOCOL) return Rejection.clientTooOld;
  if (clientVersion > PROTOCOL_VERSION) return Rejection.serverTooOld;
  return 'ok';
}

export const ClientTooOld = z.object({
  type: z.literal(Rejection.clientTooOld),
  code: z.literal('CLIENT_TOO_OLD'),
  serverVersion: z.number().int(),
  minClientVersion: z.number().int(),
});
export const ServerTooOld = z.object({
  type: z.literal(Rejection.serverTooOld),
  code: z.literal('SERVER_TOO_OLD'),
  serverVersion: z.number().int(),
});

/** Every refusal: an UPPER_SNAKE code (the app says it in zh-CN and English) and parameters. */
export const ERROR_CODES = [
  'INVALID_BODY',
  'INVALID_QUERY',
  'INVALID_PATH',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'BAD_CREDENTIALS',
  'TOKEN_REVOKED',
  'DEVICE_REVOKED',
  'DEVICE_MISMATCH',
  'FAIR_MISMATCH',
  'FORBIDDEN_ROLE',
  'DEVICE_REQUIRED',
  'ENROLMENT_INVALID',
  'DEVICE_CODE_TAKEN',
  /** SY44: a device id was claimed without the proof that the caller is that device. */
  'DEVICE_PROOF_REQUIRED',
  /** SY41: the proof does not come from the key the server holds for that device id. */
  'DEVICE_PROOF_INVALID',
  'NAME_TAKEN',
  'HASH_MISMATCH',
  /** PI7: a public photo upload for a hash its draft does not list. */
  'PHOTO_NOT_LISTED',
  'NOT_FOUND',
  /** The database is briefly unreachable or a transaction lost a race: retry with backoff. */
  'UNAVAILABLE',
  /** Too many attempts on a public route; `params.retryAfterSeconds` says when to try again. */
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorReply = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** For INVALID_BODY / INVALID_QUERY: where and what (zod issue codes), at most 20. */
  issues: z.array(z.object({ path: z.string(), code: z.string() })).max(20).optional(),
});
export type ErrorReply = z.infer<typeof ErrorReply>;

// ---------------------------------------------------------------------------------- push

/** The largest batch a tablet may push; the client sends ≤ 500 (P4). */
export const MAX_PUSH_ITEMS = 1000;
/** SY30: device codes one push may report (a fair has a few dozen tablets). */
export const MAX_KNOWN_CODES = 2000;

/** CO11: what a tablet says of itself with each push, for the organizer's tablets table. */
export const TabletStatusReport = z.object({
  appVersion: z.string().max(64),
  /** Items in its outbox not yet acknowledged, before this push. */
  outboxCount: z.number().int().min(0).max(1e9),
  /** The last sync error it showed, as an error code or short text; null when the last sync went well. */
  lastError: z.string().max(500).nullable(),
});
export type TabletStatusReport = z.infer<typeof TabletStatusReport>;

export const PushRequest = z.object({
  type: z.literal('push'),
  protocolVersion: z.number().int(),
  deviceId: DeviceId,
  fairId: FairId,
  /** The epoch the tablet last saw; a different one on the server means "push everything again". */
  epoch: z.string().max(64).optional(),
  items: z.array(SyncItem).max(MAX_PUSH_ITEMS),
  /** SY14: the tablet's clock offset against the server as it last measured it (negative: slow). */
  clock: z.object({ offsetMs: z.number().int().min(-1e12).max(1e12) }).optional(),
  /** SY30: device codes this tablet knows in its fair (its own, and those of pulled case numbers). */
  knownCodes: z.array(z.object({ deviceId: DeviceId, code: DeviceCode })).max(MAX_KNOWN_CODES).optional(),
  /** CO11: optional, so an older tablet still pushes. */
  status: TabletStatusReport.optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Why an item can never apply. It is still acknowledged, so it never blocks the queue. */
export const REJECT_CODES = ['PAYLOAD_INVALID', 'WRONG_FAIR', 'ENTITY_MISMATCH', 'SEQ_REUSED'] as const;
export const RejectCode = z.enum(REJECT_CODES);
export type RejectCode = z.infer<typeof RejectCode>;

export const ItemResult = z.discriminatedUnion('status', [
  /** Stored now, at this server sequence. */
  z.object({ status: z.literal('applied'), id: EventId, serverSeq: z.number().int().positive() }),
  /** The same id with the same content was stored before, at this server sequence. */
  z.object({ status: z.literal('duplicate'), id: EventId, serverSeq: z.number().int().positive() }),
  /** The same id with different content: kept aside for review, never overwriting the original. */
  z.object({ status: z.literal('conflict'), id: EventId }),
  /** Can never apply; acknowledged; the tablet shows it. */
  z.object({
    status: z.literal('rejected'),
    id: EventId,
    code: RejectCode,
    issues: z.array(z.object({ path: z.string(), code: z.string() })).max(20).optional(),
  }),
  /** After a sequence gap: not looked at; push again from `expectedSeq`. */
  z.object({ status: z.literal('skipped'), id: EventId }),
]);
export type ItemResult = z.infer<typeof ItemResult>;

export const PushWarning = z.object({
  /** DL9, from servers before SY15: the item's clock more than 2 min off the server's. Never a refusal. */
  code: z.literal('CLOCK_SKEW'),
  id: EventId,
  driftMs: z.number().int(),
});
export type PushWarning = z.infer<typeof PushWarning>;

export const PushAccepted = z.object({
  type: z.literal('push-result'),
  epoch: z.string(),
  /** One per request item, in the request's order. */
  results: z.array(ItemResult),
  /** The device's highest acknowledged sequence (for this fair) after this push. */
  ackedSeq: z.number().int().min(0),
  /** `ackedSeq + 1`: the next sequence the server will take. */
  expectedSeq: z.number().int().min(1),
  /** True when an item's seq was past `expectedSeq`: nothing after it was applied. */
  gap: z.boolean(),
  /** Evidence files named by this batch that the server does not hold yet (SHA-256, hex). */
  missingBlobs: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  warnings: z.array(PushWarning),
  /** SY13: the server's clock when it answered; optional, so a tablet still reads an older server. */
  serverTime: Instant.optional(),
});
export type PushAccepted = z.infer<typeof PushAccepted>;

export const PushReply = z.discriminatedUnion('type', [PushAccepted, ClientTooOld, ServerTooOld, ErrorReply]);
export type PushReply = z.infer<typeof PushReply>;

// ---------------------------------------------------------------------------------- pull

export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

/** The query string of `GET /api/sync/pull`; every value arrives as a string. */
export const PullQuery = z.object({
  protocolVersion: z.coerce.number().int(),
  fair: FairId,
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const PulledItem = z.object({
  serverSeq: z.number().int().positive(),
  item: SyncItem,
  /** SY35: the item's hash in its device's chain, and the server's attestation of both; kept whole to relay after a restore. */
  chainHash: Hex64.nullish(),
  attestation: Hex64.nullish(),
});
export type PulledItem = z.infer<typeof PulledItem>;

export const PullPage = z.object({
  type: z.literal('pull-page'),
  /**
   * Changes when the database is restored from a backup. A tablet that saw another epoch resets
   * its cursor to 0 and pushes everything it holds again (the server answers duplicates).
   */
  epoch: z.string(),
  items: z.array(PulledItem),
  /** Pass as `after` for the next page; equals the request's `after` when the page is empty. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** SY13: the server's clock when it answered (optional, as in a push answer). */
  serverTime: Instant.optional(),
});
export type PullPage = z.infer<typeof PullPage>;

export const PullReply = z.discriminatedUnion('type', [PullPage, ClientTooOld, ServerTooOld, ErrorReply]);
export type PullReply = z.infer<typeof PullReply>;

// ---------------------------------------------------------------------------------- blobs

export const Sha256Path = z.string().regex(/^[0-9a-f]{64}$/, { message: 'SHA256' });
/** EN13: an evidence file is at most 20 MB. */
export const MAX_BLOB_BYTES = 20 * 1024 * 1024;
export const BlobStored = z.object({ type: z.literal('blob-stored'), sha256: Sha256Path, size: z.number().int(), created: z.boolean() });
export type BlobStored = z.infer<typeof BlobStored>;

// ---------------------------------------------------------------------------------- conflicts

/** The most of an item's canonical JSON the server keeps when it sets the item aside (SY63). */
export const MAX_KEPT_HEAD_BYTES = 4096;

/**
 * What the server keeps of an item it set aside (a conflict, a rejection): the first
 * MAX_KEPT_HEAD_BYTES of its canonical JSON, cut at a whole character, with the SHA-256 and the
 * size in bytes of the whole (SY63). When `truncated` is false, `head` is the whole item.
 */
export const KeptItem = z.object({
  head: z.string(),
  sha256: Sha256Path,
  bytes: z.number().int().min(0),
  truncated: z.boolean(),
});
export type KeptItem = z.infer<typeof KeptItem>;

export const DEFAULT_SET_ASIDE_PAGE = 50;
export const MAX_SET_ASIDE_PAGE = 200;

/** The query string of `GET /api/sync/conflicts` and `GET /api/sync/rejected`: pages in arrival order (SY63). */
export const SetAsideQuery = z.object({
  fair: FairId,
  /** The `next` of the page before; 0 for the first page. */
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_SET_ASIDE_PAGE).default(DEFAULT_SET_ASIDE_PAGE),
});
export type SetAsideQuery = z.infer<typeof SetAsideQuery>;

/** The cursor of the next page, or null when this page is the last. */
const Next = z.number().int().min(0).nullable();

export const ConflictRecord = z.object({
  itemId: EventId,
  deviceId: DeviceId,
  fairId: FairId,
  receivedAt: Instant,
  item: KeptItem,
});
export const ConflictList = z.object({ type: z.literal('conflicts'), conflicts: z.array(ConflictRecord), next: Next });
export type ConflictList = z.infer<typeof ConflictList>;

/** Items that could never apply, kept bounded (an item of another fair can be recovered from a whole head). */
export const RejectedRecord = z.object({ itemId: EventId, deviceId: DeviceId, fairId: z.string(), code: RejectCode, receivedAt: Instant, item: KeptItem });
export const RejectedList = z.object({ type: z.literal('rejected'), rejected: z.array(RejectedRecord), next: Next });
export type RejectedList = z.infer<typeof RejectedList>;

