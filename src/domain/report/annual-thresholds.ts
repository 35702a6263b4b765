import type { Threshold } from './annual';

/** AR12: the threshold shares asked for when none are given: complaints received ≥ 500, reference opinions ≥ 100. */
export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  { figure: 'A2.received', min: 500 },
  { figure: 'A3.opinions', min: 100 },
];
