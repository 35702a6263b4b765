/**
 * The organizer's view of the server during a proof run: what the server holds, read through its
 * own HTTP API (pull as the organizer, HEAD of evidence files, the conflict and rejected lists)
 * with a plain fetch that no fault touches. The view follows the server's pull cursor page by
 * page and starts over when the epoch changes (a restored database).
 */
import { canonicalJson } from '../../src/domain/canonical-json';
import type { SyncItem } from '../../src/domain/sync-item';
import { EnrolmentCreated, LoginReply } from '../../src/domain/wire/accounts';
import { ConflictList, MAX_SET_ASIDE_PAGE, PROTOCOL_VERSION, PullPage, RejectedList } from '../../src/domain/wire/protocol';

export interface ServerView {
  /** Pulls what is new; on a new epoch, everything again. */
  refresh(): Promise<void>;
  readonly epoch: string | undefined;
  /** Items by id, as the server holds them. */
  readonly items: ReadonlyMap<string, SyncItem>;
  /** Rows pulled whose id had been pulled already in this epoch (must stay 0). */
  readonly duplicateRows: number;
  /** Server sequences that did not grow from one row to the next (must stay 0). */
  readonly outOfOrder: number;
  /** Size of an evidence file on the server (HEAD), undefined when it lacks it. */
  blobSize(sha256: string): Promise<number | undefined>;
  conflicts(): Promise<number>;
  rejected(): Promise<number>;
  /** A one-time enrolment code for a tablet of this fair. */
  enrolment(): Promise<string>;
}

export const sameItem = (a: SyncItem, b: SyncItem): boolean =>
  canonicalJson(JSON.parse(JSON.stringify(a))) === canonicalJson(JSON.parse(JSON.stringify(b)));

/**
 * The observer is no subject of the run: a request of its own that fails on the network (a
 * keep-alive connection the server closed just as it was reused) is sent again.
 */
async function steady(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function json(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

export async function organizerView(baseUrl: () => string, fairId: string, organizer: { name: string; password: string }): Promise<ServerView> {
  let token = '';
  const login = async (): Promise<void> => {
    const res = await steady(() => fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(organizer) }));
    token = LoginReply.parse(await json(res, 'login')).token;
  };
  await login();
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${token}` });

  let epoch: string | undefined;
  let cursor = 0;
  let lastSeq = 0;
  const items = new Map<string, SyncItem>();
  const view = {
    duplicateRows: 0,
    outOfOrder: 0,
  };

  /** A session made after the backup that was restored is gone with it: log in again once. */
  const authed = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const send = (): Promise<Response> => steady(() => fetch(`${baseUrl()}${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...auth() } }));
    const res = await send();
    if (res.status !== 401) return res;
    await res.arrayBuffer();
    await login();
    return send();
  };
  const get = async (path: string): Promise<unknown> => json(await authed(path), `GET ${path}`);

  return {
    get epoch() {
      return epoch;
    },
    items,
    get duplicateRows() {
      return view.duplicateRows;
    },
    get outOfOrder() {
      return view.outOfOrder;
    },
    refresh: async () => {
      for (;;) {
        const page = PullPage.parse(await get(`/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${fairId}&after=${cursor}&limit=1000`));
        if (epoch !== undefined && page.epoch !== epoch) {
          // Restored from a backup: what the server holds now is all that counts.
          epoch = page.epoch;
          cursor = 0;
          lastSeq = 0;
          items.clear();
          continue;
        }
        epoch = page.epoch;
        for (const { serverSeq, item } of page.items) {
          if (serverSeq <= lastSeq) view.outOfOrder++;
          lastSeq = serverSeq;
          if (items.has(item.id)) view.duplicateRows++;
          items.set(item.id, item);
        }
        cursor = page.cursor;
        if (!page.hasMore) return;
      }
    },
    blobSize: async (sha256) => {
      const res = await authed(`/api/blobs/${sha256}`, { method: 'HEAD' });
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`HEAD blob ${sha256}: HTTP ${res.status}`);
      return Number(res.headers.get('content-length'));
    },
    conflicts: async () => {
      let n = 0;
      // Paged (SY63): every page counts.
      for (let next: number | null = 0; next !== null; ) {
        const page = ConflictList.parse(await get(`/api/sync/conflicts?fair=${fairId}&cursor=${next}&limit=${MAX_SET_ASIDE_PAGE}`));
        n += page.conflicts.length;
        next = page.next;
      }
      return n;
    },
    rejected: async () => {
      let n = 0;
      for (let next: number | null = 0; next !== null; ) {
        const page = RejectedList.parse(await get(`/api/sync/rejected?fair=${fairId}&cursor=${next}&limit=${MAX_SET_ASIDE_PAGE}`));
        n += page.rejected.length;
        next = page.next;
      }
      return n;
    },
    enrolment: async () => {
      const res = await authed('/api/enrolments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fairId, role: 'desk', ttlMinutes: 60 }),
      });
      return EnrolmentCreated.parse(await json(res, 'enrolment')).code;
    },
  };
}
