/**
 * A seeded random source (xorshift32), so a proof run is replayed from its seed alone
 * (a failing run prints its seed).
 */
export interface Rng {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** An independent stream for one part of the run (adding draws to one part leaves the others as they were). */
  fork(label: string): Rng;
}

export function rngOf(seed: number): Rng {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(xs: readonly T[]): T => {
      if (xs.length === 0) throw new Error('pick from an empty list');
      return xs[Math.floor(next() * xs.length)] as T;
    },
    fork: (label) => {
      let h = seed >>> 0;
      for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      return rngOf(h);
    },
  };
  return rng;
}

/** The seed runs use unless told otherwise: a run is the same run on every machine. */
export const DEFAULT_SEED = 20_261_206;

/** The seed of this run: `PROOF_SEED` when set (another run, or a replay), else DEFAULT_SEED. */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.PROOF_SEED;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n <= 0 || n >= 2 ** 32) throw new Error(`PROOF_SEED must be an integer in [1, 2^32): ${given}`);
    return n;
  }
  return DEFAULT_SEED;
}
