/**
 * A seeded fault-injecting `fetch` for the real sync client (`src/sync/transport.ts` takes it as
 * `fetch`). Each request, by a roll of the run's random source, is:
 * - dropped before it leaves (the tablet sees a network error; the server sees nothing);
 * - sent, with its answer lost (the server acted; the tablet sees a network error);
 * - sent twice at once (a retrying proxy), the tablet getting one of the two answers;
 * - held back: the tablet times out now, and the request reaches the server later, after
 *   newer requests (of this tablet or another), its answer going nowhere — reordered;
 * - delayed by a few milliseconds;
 * - or passed through. Held requests are released at random later calls, alongside them.
 */
import type { FetchLike } from '../../src/sync/transport';
import type { Rng } from './rng';

export interface FaultPlan {
  readonly dropRequest: number;
  readonly dropResponse: number;
  readonly duplicate: number;
  readonly hold: number;
  readonly delay: number;
  readonly maxDelayMs: number;
  /** Chance, at each call, that one held request is released alongside it. */
  readonly release: number;
}

/** The default mix: about one request in three meets a fault. */
export const DEFAULT_PLAN: FaultPlan = { dropRequest: 0.07, dropResponse: 0.08, duplicate: 0.06, hold: 0.05, delay: 0.15, maxDelayMs: 8, release: 0.3 };
export const NO_FAULTS: FaultPlan = { dropRequest: 0, dropResponse: 0, duplicate: 0, hold: 0, delay: 0, maxDelayMs: 0, release: 0 };

export interface FaultCounts {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  held: number;
  replayed: number;
  delayed: number;
  /** Requests that met a dead server (killed, restarting). */
  refused: number;
}

export const emptyCounts = (): FaultCounts => ({ requests: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0, held: 0, replayed: 0, delayed: 0, refused: 0 });

/** What a failed fetch looks like to the client (undici throws a TypeError). */
const networkError = (why: string): TypeError => new TypeError(`fetch failed (${why})`);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Held {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

export interface FaultyFetch {
  readonly fetch: FetchLike;
  readonly counts: FaultCounts;
  /** Changes the mix (the final clean-up runs with NO_FAULTS). */
  setPlan(plan: FaultPlan): void;
  /** Sends every held request now (answers ignored); resolves when the server answered or failed. */
  releaseAll(): Promise<void>;
  /** Called with every request that reaches the network, and the promise of its answer. */
  onSend?: (url: string, init: RequestInit | undefined, answer: Promise<Response>) => void;
}

export function faultyFetch(real: FetchLike, rng: Rng, plan: FaultPlan): FaultyFetch {
  let mix = plan;
  const held: Held[] = [];
  const counts = emptyCounts();

  const out: FaultyFetch = {
    counts,
    setPlan: (p) => {
      mix = p;
    },
    releaseAll: async () => {
      const all = held.splice(0);
      counts.replayed += all.length;
      await Promise.all(all.map((h) => send(h.url, h.init).then(drain, () => undefined)));
    },
    fetch: async (url, init) => {
      counts.requests++;
      const roll = rng.next();
      const releasing = held.length > 0 && rng.chance(mix.release) ? held.splice(rng.int(held.length), 1) : [];
      counts.replayed += releasing.length;
      const replays = releasing.map((h) => send(h.url, h.init).then(drain, () => undefined));
      try {
        let edge = mix.dropRequest;
        if (roll < edge) {
          counts.droppedRequests++;
          throw networkError('request dropped');
        }
        edge += mix.dropResponse;
        if (roll < edge) {
          const res = await send(url, init);
          await drain(res);
          counts.droppedResponses++;
          throw networkError('answer lost');
        }
        edge += mix.duplicate;
        if (roll < edge) {
          counts.duplicated++;
          const both = await Promise.allSettled([send(url, init), send(url, init)]);
          const keep = rng.int(2);
          const other = both[1 - keep];
          if (other?.status === 'fulfilled') await drain(other.value);
          const kept = both[keep];
          if (kept?.status === 'fulfilled') return kept.value;
          throw networkError('duplicate failed');
        }
        edge += mix.hold;
        if (roll < edge) {
          counts.held++;
          held.push({ url, init });
          throw networkError('timed out (held back)');
        }
        edge += mix.delay;
        if (roll < edge && mix.maxDelayMs > 0) {
          counts.delayed++;
          await sleep(1 + rng.int(mix.maxDelayMs));
        }
        return await send(url, init);
      } finally {
        await Promise.all(replays);
      }
    },
  };

  async function send(url: string, init: RequestInit | undefined): Promise<Response> {
    const answer = real(url, init);
    out.onSend?.(url, init, answer);
    try {
      return await answer;
    } catch (e) {
      counts.refused++;
      throw e;
    }
  }
  return out;
}

/** Reads an answer we throw away, so its connection is free again. */
async function drain(res: Response): Promise<void> {
  await res.arrayBuffer().catch(() => undefined);
}
