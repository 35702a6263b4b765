import type { SyncItem } from '../domain/sync-item';
import { parsePayload } from '../domain/wire/payload-parsers';

/**
 * Pulled payloads through their kind's schema (`parsePayload`, the very check the server made
 * on push), each item once (SY91): a page asked ahead is checked in slices while the page before
 * it is written, and its own write then takes the results instead of parsing again.
 */

export type PayloadCheck = ReturnType<typeof parsePayload>;

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

/**
 * SY91: checks the payloads of a page asked ahead, a slice per task, so that the checks fill
 * the time the page before it spends waiting on IndexedDB. This device's own items are skipped
 * (the pull does not apply them).
 */
export async function checkAhead(items: readonly SyncItem[], self: string): Promise<void> {
  for (let k = 0; k < items.length; k += SLICE) {
    await nextTask();
    const end = Math.min(items.length, k + SLICE);
    for (let i = k; i < end; i++) {
      const item = items[i] as SyncItem;
      if (item.deviceId !== self) payloadOf(item);
    }
  }
}
