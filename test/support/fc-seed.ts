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
