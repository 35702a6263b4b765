import { instantFromMs, type Instant } from '../../domain/time';

declare global {
  interface Window {
    /** Tests move the app clock forward (e.g. past a defence deadline, CS16); absent in use. */
    __faircaseClock?: { offsetMs: number };
  }
}

/** The injected offset (tests only), 0 in normal use. */
const offsetMs = (): number => (typeof window === 'undefined' ? 0 : (window.__faircaseClock?.offsetMs ?? 0));

/** Milliseconds on the app clock. */
export const nowMs = (): number => Date.now() + offsetMs();

/** The app's one clock: every store write takes `now` (store contract); tests can read the same. */
export const nowInstant = (): Instant => instantFromMs(nowMs());

/** Fired on `window` when a test moves the clock, so the system ticker runs at once. */
export const CLOCK_MOVED_EVENT = 'faircase:clock';
