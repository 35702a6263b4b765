import { bytesToHex } from '@noble/hashes/utils.js';
import { contentHashTextOf, type SignedCommitment } from '../domain/commitment';
import type { SyncItem } from '../domain/sync-item';
import { parsePayload, parsePayloadBeforeHash } from '../domain/wire/payload-parsers';

/**
 * Pulled payloads through their kind's schema (`parsePayload`, the very check the server made
 * on push), each item once (SY91): a page asked ahead is checked in slices while the page before
 * it is written, and its own write then takes the results instead of parsing again.
 */

export type PayloadCheck = ReturnType<typeof parsePayload>;

/** What `parsePayload` answers for a signed commitment whose content hash does not match (CM1). */
const HASH_MISMATCH: PayloadCheck = { ok: false, problem: { code: 'PAYLOAD_INVALID', issues: [{ path: 'contentHash', code: 'CONTENT_HASH_MISMATCH' }] } };

/** Keyed by the item object: a page's items are checked once, and forgotten with the page. */
const checked = new WeakMap<SyncItem, PayloadCheck>();

/** The item's payload parsed and checked (entity and fair too), at most once per item. */
export function payloadOf(item: SyncItem): PayloadCheck {
  const known = checked.get(item);
  if (known !== undefined) return known;
  const r = parsePayload(item);
  checked.set(item, r);
  return r;
}

/** Items per slice: a slice is a few milliseconds, so the write's own steps are never held up long. */
const SLICE = 50;

/** The next task, not a timer: nested timers are clamped to 4 ms, a message is not. */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

/** The platform's SHA-256 (native, off the main thread); absent outside a secure context. */
const subtle = (): SubtleCrypto | undefined => (globalThis.crypto as Crypto | undefined)?.subtle;
const utf8 = new TextEncoder();

/** SY92: a signed commitment's content hash checked by the platform's SHA-256, the rest by its schema. */
async function checkCommitments(items: readonly SyncItem[], crypto: SubtleCrypto): Promise<void> {
  const hashes = items.map(async (item) => {
    const r = parsePayloadBeforeHash(item);
    const signed = r.ok && (r.data as { status?: unknown }).status === 'signed' ? (r.data as SignedCommitment) : undefined;
    if (signed === undefined) {
      checked.set(item, r);
      return;
    }
    const hash = bytesToHex(new Uint8Array(await crypto.digest('SHA-256', utf8.encode(contentHashTextOf(signed)))));
    checked.set(item, hash === signed.contentHash ? r : HASH_MISMATCH);
  });
  await Promise.all(hashes);
}

/**
 * SY91: checks the payloads of a page asked ahead, a slice per task, so that the checks fill
 * the time the page before it spends waiting on IndexedDB. This device's own items are skipped
 * (the pull does not apply them).
 */
export async function checkAhead(items: readonly SyncItem[], self: string): Promise<void> {
  const crypto = subtle();
  for (let k = 0; k < items.length; k += SLICE) {
    await nextTask();
    const end = Math.min(items.length, k + SLICE);
    const commitments: SyncItem[] = [];
    for (let i = k; i < end; i++) {
      const item = items[i] as SyncItem;
      if (item.deviceId === self || checked.has(item)) continue;
      if (item.kind === 'commitment' && crypto !== undefined) commitments.push(item);
      else payloadOf(item);
    }
    if (commitments.length > 0 && crypto !== undefined) await checkCommitments(commitments, crypto);
  }
}
