import { TransportError, type SyncTransport } from '../../src/sync/transport';

/**
 * A network the test holds in its hand, after tldraw's TestSocketPair: every request a tablet
 * makes waits in a queue until the test delivers it, so the test, not timing, decides the order
 * in which requests reach the server and answers reach the tablet. Behind it is the real
 * transport to the real server; only the moment of delivery is the test's.
 */
export type RequestKind = 'push' | 'pull' | 'putBlob' | 'relay';

interface Held {
  readonly kind: RequestKind;
  readonly send: () => Promise<unknown>;
  readonly answer: (value: unknown) => void;
  readonly fail: (error: unknown) => void;
}

export interface HeldLink {
  /** Hand this to the tablet's sync instead of its HTTP transport. */
  readonly transport: SyncTransport;
  /** The kinds of the requests waiting, oldest first. */
  pending(): readonly RequestKind[];
  /** Delivers the oldest waiting request; its answer reaches the tablet. */
  deliver(): Promise<RequestKind>;
  /** Delivers the oldest waiting request to the server, but its answer is lost on the way back. */
  loseAnswer(): Promise<RequestKind>;
  /** The oldest waiting request never reaches the server (the network is down). */
  drop(): Promise<RequestKind>;
  /** Waits until the tablet has sent a request (now or later). */
  requested(): Promise<void>;
  /** Delivers every request the tablet makes until `run` settles; returns its outcome. */
  settle<T>(run: Promise<T>): Promise<T>;
}

export function heldLink(real: SyncTransport): HeldLink {
  const queue: Held[] = [];
  let waiting: (() => void)[] = [];
  const wake = (): void => {
    const woken = waiting;
    waiting = [];
    for (const w of woken) w();
  };
  const hold = <T>(kind: RequestKind, send: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ kind, send, answer: resolve as (value: unknown) => void, fail: reject });
      wake();
    });
  const requested = (): Promise<void> => (queue.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
  const next = (): Held => {
    const held = queue.shift();
    if (held === undefined) throw new Error('no request is waiting');
    return held;
  };
  const lost = (): TransportError => new TransportError('NETWORK', true);

  const transport: SyncTransport = {
    push: (request) => hold('push', () => real.push(request)),
    pull: (query) => hold('pull', () => real.pull(query)),
    putBlob: (sha256, data, mime) => hold('putBlob', () => real.putBlob(sha256, data, mime)),
    relay: (request) => {
      const relay = real.relay;
      if (relay === undefined) throw new Error('the real transport cannot relay');
      return hold('relay', () => relay(request));
    },
  };

  return {
    transport,
    pending: () => queue.map((h) => h.kind),
    requested,
    async deliver() {
      const held = next();
      try {
        held.answer(await held.send());
      } catch (e) {
        held.fail(e);
      }
      return held.kind;
    },
    async loseAnswer() {
      const held = next();
      await held.send().catch(() => undefined);
      held.fail(lost());
      return held.kind;
    },
    async drop() {
      const held = next();
      held.fail(lost());
      return held.kind;
    },
    async settle(run) {
      let settled = false;
      const done = run.then(
        () => undefined,
        () => undefined,
      );
      void done.then(() => {
        settled = true;
        wake();
      });
      while (!settled) {
        await Promise.race([done, requested()]);
        while (queue.length > 0) await this.deliver();
      }
      return run;
    },
  };
}
