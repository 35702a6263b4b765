/**
 * When sync runs: on `online`, when the page becomes visible, and on a timer; after a failure,
 * again after an exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff and Jitter", 2015), so fifty tablets coming back online at once do not knock together.
 * Not Workbox background sync: the outbox lives in IndexedDB and this loop owns it (SY4).
 * One run at a time; a trigger during a run asks for one more run after it.
 */
export interface SchedulerOptions {
  readonly run: () => Promise<void>;
  /** Whether a failure is worth retrying (a revoked tablet is not). */
  readonly retryable?: (error: unknown) => boolean;
  readonly intervalMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly random?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Fires `online`: `window` in the app; any EventTarget in tests. */
  readonly network?: EventTarget;
  /** Fires `visibilitychange`: `document` in the app. */
  readonly page?: EventTarget;
  readonly isVisible?: () => boolean;
  readonly onError?: (error: unknown, retryInMs: number | undefined) => void;
}

export interface Scheduler {
  /** Runs now (or right after the current run). */
  trigger(): void;
  stop(): void;
  /** The delay before the next attempt, for tests and the sync screen. */
  readonly nextDelayMs: () => number | undefined;
}

/** Full jitter: a uniform delay between 0 and min(max, base·2^failures). */
export const backoffDelay = (failures: number, random: () => number, baseMs = 2_000, maxMs = 5 * 60_000): number =>
  Math.round(random() * Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1)));

export function startScheduler(options: SchedulerOptions): Scheduler {
  const intervalMs = options.intervalMs ?? 60_000;
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let nextDelay: number | undefined;
  let running = false;
  let again = false;
  let failures = 0;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    nextDelay = ms;
    timer = setTimer(() => {
      timer = undefined;
      void go();
    }, ms);
  };

  const go = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    try {
      await options.run();
      failures = 0;
      schedule(intervalMs);
    } catch (e) {
      if (options.retryable?.(e) === false) {
        nextDelay = undefined;
        options.onError?.(e, undefined);
      } else {
        failures++;
        const delay = backoffDelay(failures, random, options.baseDelayMs, options.maxDelayMs);
        options.onError?.(e, delay);
        schedule(delay);
      }
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        void go();
      }
    }
  };

  const onOnline = () => {
    failures = 0;
    void go();
  };
  const onVisibility = () => {
    if (options.isVisible?.() ?? true) void go();
  };
  options.network?.addEventListener('online', onOnline);
  options.page?.addEventListener('visibilitychange', onVisibility);
  void go();

  return {
    trigger: () => void go(),
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
      options.network?.removeEventListener('online', onOnline);
      options.page?.removeEventListener('visibilitychange', onVisibility);
    },
    nextDelayMs: () => nextDelay,
  };
}
