import type { z } from 'zod';
import { DeviceEnrolled, type RedeemEnrolmentRequest } from '../domain/wire/accounts';
import { SnapshotReply, type SnapshotQuery } from '../domain/wire/snapshot';
import { ErrorReply, PullReply, PushReply, type PushRequest } from '../domain/wire/protocol';
import { RelayReply, type RelayRequest } from '../domain/wire/relay-protocol';

/**
 * How the tablet talks to the sync server. Every answer is parsed with the wire schemas
 * (`src/domain/wire`); anything else is a `TransportError`. A `retryable` error (network down,
 * 5xx, 429, an answer we cannot read) is retried with backoff; the others need a person.
 */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushReply>;
  pull(query: { readonly fair: string; readonly after: number; readonly limit: number; readonly protocolVersion: number }): Promise<PullReply>;
  /** Uploads one evidence file; resolves when the server has verified and kept it. */
  putBlob(sha256: string, data: Uint8Array, mime: string): Promise<void>;
  /** SY39: offers other devices' items back after a restore (absent: this transport cannot). */
  relay?(request: RelayRequest): Promise<RelayReply>;
  /** SY84: a page of the fair's snapshot, for a new tablet's first sync (absent: this transport cannot). */
  snapshot?(request: SnapshotRequest): Promise<SnapshotAnswer>;
}

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  /** The server's origin, e.g. `https://faircase.example` ('' for the page's own origin). */
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: FetchLike;
}

async function call<S extends z.ZodType>(fetchImpl: FetchLike, url: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetchImpl(url, init);
  } catch {
    throw new TransportError('NETWORK', true);
  }
  if (res.status >= 500 || res.status === 429) throw new TransportError(res.status === 503 ? 'UNAVAILABLE' : 'SERVER', true, res.status);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new TransportError('UNREADABLE_ANSWER', true, res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new TransportError('UNREADABLE_ANSWER', true, res.status);
  return parsed.data;
}

export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const auth = { authorization: `Bearer ${options.token}` };
  return {
    push: (request) =>
      call(fetchImpl, `${options.baseUrl}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(request) }, PushReply),
    relay: (request) =>
      call(fetchImpl, `${options.baseUrl}/api/sync/relay`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(request) }, RelayReply),
    pull: (q) => {
      const query = new URLSearchParams({ protocolVersion: String(q.protocolVersion), fair: q.fair, after: String(q.after), limit: String(q.limit) });
      return call(fetchImpl, `${options.baseUrl}/api/sync/pull?${query.toString()}`, { headers: auth }, PullReply);
    },
    snapshot: (q) => fetchSnapshot(fetchImpl, options.baseUrl, options.token, q),
    putBlob: async (sha256, data, mime) => {
      let res: Response;
      try {
        res = await fetchImpl(`${options.baseUrl}/api/blobs/${sha256}`, { method: 'PUT', headers: { 'content-type': mime, ...auth }, body: new Blob([data as Uint8Array<ArrayBuffer>]) });
      } catch {
        throw new TransportError('NETWORK', true);
      }
      if (res.status === 200 || res.status === 201) return;
      if (res.status >= 500 || res.status === 429) throw new TransportError('SERVER', true, res.status);
      const reply = ErrorReply.safeParse(await res.json().catch(() => undefined));
      throw new TransportError(reply.success ? reply.data.code : 'BLOB_REFUSED', false, res.status);
    },
  };
}

/** What a snapshot page asks for (SY84): the query without the protocol version's coercion. */
export type SnapshotRequest = Omit<SnapshotQuery, 'at' | 'fair'> & { readonly fair: string; readonly at?: number | undefined };

/** A snapshot page and the bytes it took on the wire (for the first sync's progress). */
export interface SnapshotAnswer {
  readonly reply: SnapshotReply;
  readonly bytes: number;
}

/** `GET /api/sync/snapshot`, parsed with the wire schema; errors as the other calls (transport.ts). */
export async function fetchSnapshot(fetchImpl: FetchLike, baseUrl: string, token: string, q: SnapshotRequest): Promise<SnapshotAnswer> {
  const query = new URLSearchParams({ protocolVersion: String(q.protocolVersion), fair: q.fair, after: q.after, limit: String(q.limit) });
  if (q.at !== undefined) query.set('at', String(q.at));
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}/api/sync/snapshot?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new TransportError('NETWORK', true);
  }
  if (res.status >= 500 || res.status === 429) throw new TransportError(res.status === 503 ? 'UNAVAILABLE' : 'SERVER', true, res.status);
  let text: string;
  let json: unknown;
  try {
    text = await res.text();
    json = JSON.parse(text);
  } catch {
    throw new TransportError('UNREADABLE_ANSWER', true, res.status);
  }
  const parsed = SnapshotReply.safeParse(json);
  if (!parsed.success) throw new TransportError('UNREADABLE_ANSWER', true, res.status);
  return { reply: parsed.data, bytes: text.length };
}

/** Redeems a scanned enrolment code: the tablet's token, device id and device code (CN1). */
export async function redeemEnrolment(baseUrl: string, request: RedeemEnrolmentRequest, fetchImpl: FetchLike = (i, init) => fetch(i, init)): Promise<DeviceEnrolled> {
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}/api/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  } catch {
    throw new TransportError('NETWORK', true);
  }
  const json: unknown = await res.json().catch(() => undefined);
  const ok = DeviceEnrolled.safeParse(json);
  if (ok.success) return ok.data;
  const refused = ErrorReply.safeParse(json);
  throw new TransportError(refused.success ? refused.data.code : 'UNREADABLE_ANSWER', res.status >= 500, res.status);
}
