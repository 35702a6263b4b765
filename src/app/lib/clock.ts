import { instantFromMs, type Instant } from '../../domain/time';

/** The app's one clock: every store write takes `now` (store contract); tests can read the same. */
export const nowInstant = (): Instant => instantFromMs(Date.now());
