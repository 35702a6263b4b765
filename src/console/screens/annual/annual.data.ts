import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import type { Threshold } from '../../../domain/report/annual';
import type { RegionCode } from '../../../domain/region';
import { AnnualFairs, AnnualReply, DEFAULT_THRESHOLDS, SummaryImported, TrustedKeys } from '../../../domain/wire/console-annual';
import { request, type ApiResult } from '../../lib/api';

/** The roll-up page's server calls (src/domain/wire/console-annual.ts). */
const annualPath = (from: string, to: string, thresholds: readonly Threshold[]): string =>
  `${CONSOLE_PREFIX}/annual?${new URLSearchParams({ from, to, thresholds: thresholds.map((t) => `${t.figure}:${t.min}`).join(',') }).toString()}`;

/** What the page shows first: this calendar year, the default thresholds (AR12). */
export const firstQuery = (): { from: string; to: string; thresholds: readonly Threshold[] } => {
  const year = new Date().getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31`, thresholds: DEFAULT_THRESHOLDS };
};

// Opened at /annual, the page's first roll-up is asked for as this chunk loads (main.tsx loads it
// beside the session read), so the server works while the console starts. Used once, and only
// an answer: a failure (signed out, say) is asked again when the page asks.
const early = ((): { path: string; reply: Promise<ApiResult<AnnualReply>> } | undefined => {
  if (!/\/console\/annual\/?$/.test(location.pathname)) return undefined;
  const q = firstQuery();
  const path = annualPath(q.from, q.to, q.thresholds);
  return { path, reply: request(AnnualReply, path, { quietUnauthenticated: true }) };
})();
let earlyTaken = false;

export async function readAnnual(from: string, to: string, thresholds: readonly Threshold[]): Promise<ApiResult<AnnualReply>> {
  const path = annualPath(from, to, thresholds);
  if (early !== undefined && !earlyTaken && early.path === path) {
    earlyTaken = true;
    const reply = await early.reply;
    if (reply.ok) return reply;
  }
  return request(AnnualReply, path);
}

/** The period's fairs of a unit (none: of every unit in sight), asked for when drilled into or exported. */
export function readAnnualFairs(from: string, to: string, region: RegionCode | undefined): Promise<ApiResult<AnnualFairs>> {
  const q = new URLSearchParams({ from, to, ...(region === undefined ? {} : { region }) });
  return request(AnnualFairs, `${CONSOLE_PREFIX}/annual/fairs?${q.toString()}`);
}

export const importSummaryFile = (file: unknown): Promise<ApiResult<SummaryImported>> =>
  request(SummaryImported, `${CONSOLE_PREFIX}/summary-files`, { method: 'POST', body: file });

export const readTrustedKeys = (): Promise<ApiResult<TrustedKeys>> => request(TrustedKeys, `${CONSOLE_PREFIX}/trusted-keys`);

export const addTrustedKey = (publicKey: string, label: string): Promise<ApiResult<TrustedKeys>> =>
  request(TrustedKeys, `${CONSOLE_PREFIX}/trusted-keys`, { method: 'POST', body: { publicKey, label } });
