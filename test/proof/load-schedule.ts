/**
 * The load test's schedule: autocannon (well kept, in-process, HDR latency
 * histograms), one instance per route so each route gets its own throughput, latency and errors:
 * - push: one connection per device. A device's sequence must stay gap-free, so each connection
 *   gets its own request (autocannon's `setupClient` → `setRequests`) whose `setupRequest` builds
 *   the next batch from the device's state and whose `onResponse` reads the server's answer: the
 *   batch is resent as it was after a 503 (the client's retry), and the next one starts at
 *   `ackedSeq + 1`. (autocannon's own `context` is reset every time the request list loops, so
 *   it cannot carry a device's state; a closure per connection can.)
 * - pull: one connection per device, following its own cursor page by page.
 * Each connection is paced (`connectionRate`), so the offered load is fixed and the latency is
 * that of a loaded server, not of a queue we built ourselves. autocannon starts every
 * connection's once-a-second timer in the same instant, which made all 100 requests of each
 * second arrive together, a burst fifty independent tablets never produce; each device's timer
 * is therefore given its own phase, spread evenly over the second (`staggered`; LOAD_LOCKSTEP=1
 * keeps autocannon's lockstep, to compare). Connections alternate between the instances.
 */
import autocannon from 'autocannon';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { onPullAnswer, onPushAnswer, pushBody, type AnswerCounts, type LoadDevice } from './load-answers';
import type { LoadShape } from './load-report';

/** autocannon 9's rate-limited client, as far as `staggered` uses it. */
interface PacedClient {
  rate?: number;
  rateInterval?: NodeJS.Timeout;
  reqsMadeThisSecond: number;
  paused: boolean;
  destroyed: boolean;
  cer?: unknown;
  _doRequest(cer?: unknown): void;
}

/** True when LOAD_LOCKSTEP=1 asks for autocannon's own timing (every device in the same instant). */
export const lockstep = (): boolean => process.env.LOAD_LOCKSTEP === '1';

/**
 * Moves a rate-limited autocannon client's once-a-second timer to start `offsetMs` later: its
 * first request waits for its phase, and every later one comes a second after the one before, as
 * before. Runs in `setupClient`, before the client sends anything; the timer is the one
 * autocannon clears when the run ends.
 */
function staggered(client: autocannon.Client, offsetMs: number): void {
  const c = client as unknown as PacedClient;
  if (lockstep() || c.rate === undefined) return;
  c.reqsMadeThisSecond = c.rate; // the constructor's first request finds this second used up and waits
  const tick = (): void => {
    c.reqsMadeThisSecond = 0;
    if (c.paused) c._doRequest(c.cer);
    c.paused = false;
  };
  setTimeout(() => {
    if (c.destroyed) return;
    clearInterval(c.rateInterval);
    c.rateInterval = setInterval(tick, 1000);
    tick();
  }, offsetMs);
}

const run = (options: autocannon.Options): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err as Error) : resolve(result)));
  });

/**
 * Every device pushes and pulls at its pace through the `urls` for `duration` seconds; the
 * answers move the devices' state and `counts`. Resolves with the push and the pull results.
 */
export function drive(
  urls: readonly string[],
  devices: readonly LoadDevice[],
  shape: LoadShape,
  counts: AnswerCounts,
  duration: number,
): Promise<[autocannon.Result, autocannon.Result]> {
  let pushClients = 0;
  let pullClients = 0;
  // autocannon takes several targets and deals the connections out in turn (its typings say one).
  const common = { url: urls as unknown as string, connections: devices.length, timeout: 10, duration };
  return Promise.all([
    run({
      ...common,
      title: 'push',
      connectionRate: shape.pushRate,
      setupClient: (client) => {
        const d = devices[pushClients % devices.length] as LoadDevice;
        staggered(client, (1000 * (pushClients++ % devices.length)) / devices.length);
        client.setRequests([
          {
            method: 'POST',
            path: '/api/sync/push',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
            setupRequest: (req) => ({ ...req, body: pushBody(d, shape.batch) }),
            onResponse: (status, body) => onPushAnswer(counts, d, status, body),
          },
        ]);
      },
    }),
    run({
      ...common,
      title: 'pull',
      connectionRate: shape.pullRate,
      setupClient: (client) => {
        // Device i pulls through the other instance than it pushes to.
        const d = devices[(pullClients + 1) % devices.length] as LoadDevice;
        // Half a step after the pushes: the 100 requests of a second come one every 10 ms.
        staggered(client, (1000 * ((pullClients++ % devices.length) + 0.5)) / devices.length);
        client.setRequests([
          {
            method: 'GET',
            headers: { authorization: `Bearer ${d.token}` },
            setupRequest: (req) => ({ ...req, path: `/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${d.fairId}&after=${d.cursor}&limit=${shape.pullLimit}` }),
            onResponse: (status, body) => onPullAnswer(counts, d, status, body),
          },
        ]);
      },
    }),
  ]);
}
