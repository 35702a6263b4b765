import type { SyncItem } from '../../src/domain/sync-item';
import type { PullReply } from '../../src/domain/wire/protocol';
import type { SyncTransport } from '../../src/sync/transport';

/**
 * A server that serves `pages` in order, cursor = the number of pages served; `before` runs as
 * a page is asked for (a dropped network, a local action between two pages). No push, no blobs.
 */
export function pagesTransport(pages: readonly (readonly SyncItem[])[], before?: (page: number) => Promise<void>, epoch = 'E1'): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push in these tests')),
    putBlob: () => Promise.reject(new Error('no blobs in these tests')),
    pull: async ({ after }): Promise<PullReply> => {
      await before?.(after);
      const page = pages[after] ?? [];
      const base = pages.slice(0, after).reduce((n, p) => n + p.length, 0);
      return { type: 'pull-page', epoch, items: page.map((item, k) => ({ serverSeq: base + k + 1, item })), cursor: after < pages.length ? after + 1 : after, hasMore: after + 1 < pages.length };
    },
  };
}

/** The value of a store action that must succeed; its error, in the failure, if it did not. */
export const must = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
  const x = await r;
  if (!x.ok) throw new Error(JSON.stringify(x.error));
  return x.value;
};
