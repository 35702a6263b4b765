import type { Threshold } from '../../../domain/report/annual';
import { DEFAULT_THRESHOLDS } from '../../../domain/report/annual-thresholds';
import { CONSOLE_PREFIX } from '../../../domain/wire/console-prefix';

/** The roll-up's path (AR12); without zod, so the console's entry can ask for it (main.tsx). */
export const annualPath = (from: string, to: string, thresholds: readonly Threshold[]): string =>
  `${CONSOLE_PREFIX}/annual?${new URLSearchParams({ from, to, thresholds: thresholds.map((t) => `${t.figure}:${t.min}`).join(',') }).toString()}`;

/** What the page shows first: this calendar year, the default thresholds (AR12). */
export const firstQuery = (): { from: string; to: string; thresholds: readonly Threshold[] } => {
  const year = new Date().getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31`, thresholds: DEFAULT_THRESHOLDS };
};

/** The page opened at /annual. */
export const onAnnualPage = (): boolean => /\/console\/annual\/?$/.test(location.pathname);
