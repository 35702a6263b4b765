/**
 * The seed of a property test: a fixed default so a run repeats, another from `FC_SEED`. Printed,
 * so a failure names the seed that found it.
 */
export function fcSeed(label: string, fallback = 20_250_601): number {
  const given = process.env.FC_SEED;
  const seed = given === undefined || given === '' ? fallback : Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer: ${given}`);
  console.log(`${label}: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}

/**
 * Counts the runs of a property that got past its early returns to the assertion. `report` prints
 * the count and returns it, so the test can require a share: a property whose generator rarely
 * reaches its assertion proves little, and says so.
 */
export function reachCount(label: string): { reached(): void; report(runs: number): number } {
  let reached = 0;
  return {
    reached: () => void reached++,
    report(runs) {
      console.log(`${label}: ${reached} of ${runs} runs reached the assertion`);
      return reached;
    },
  };
}
