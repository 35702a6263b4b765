import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import type { Threshold } from '../../../domain/report/annual';
import type { RegionCode } from '../../../domain/region';
import { AnnualFairs, AnnualReply, SummaryImported, TrustedKeys } from '../../../domain/wire/console-annual';
import { request, type ApiResult } from '../../lib/api';
import { annualPath } from './annual-path';

// The roll-up page's server calls (src/domain/wire/console-annual.ts). Opened at /annual, the
// entry asked for the page's first roll-up as the console started (main.tsx); `request` takes
// that reply for the same path.
export const readAnnual = (from: string, to: string, thresholds: readonly Threshold[]): Promise<ApiResult<AnnualReply>> =>
  request(AnnualReply, annualPath(from, to, thresholds));

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
