import { CONSOLE_PREFIX, TabletRevoked, TabletTable, type RevokeRequest, type TabletRow } from '../../../domain/wire/console';
import { request, type ApiResult } from '../../lib/api';

/** The tablets area's server calls (src/domain/wire/console.ts). */
export async function readTablets(fairId: string): Promise<ApiResult<TabletTable>> {
  const r = await request(TabletTable, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/tablets`);
  // The bench measures from here to the rows on screen.
  performance.mark('console-tablets-data');
  return r;
}

export const revokeTablet = (fairId: string, deviceId: string, body: RevokeRequest): Promise<ApiResult<TabletRevoked>> =>
  request(TabletRevoked, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/tablets/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST', body });

export const SORT_COLUMNS = ['code', 'name', 'role', 'enrolled', 'lastSeen', 'version', 'seq', 'waiting', 'error', 'clock', 'state'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const STATE_ORDER = { silent: 0, behind: 1, in_sync: 2, revoked: 3 } as const;

/** What each column sorts by; nulls last either way. */
const sortValue: Record<SortColumn, (r: TabletRow) => string | number | null> = {
  code: (r) => r.deviceCode,
  name: (r) => r.name,
  role: (r) => r.role,
  enrolled: (r) => r.enrolledAt,
  lastSeen: (r) => r.lastSeenAt,
  version: (r) => r.reported?.appVersion ?? null,
  seq: (r) => r.serverHasThroughSeq,
  waiting: (r) => r.reported?.outboxCount ?? null,
  error: (r) => r.reported?.lastError ?? null,
  clock: (r) => (r.clockOffsetMs === null ? null : Math.abs(r.clockOffsetMs)),
  state: (r) => STATE_ORDER[r.state.kind],
};

export function sortTablets(rows: readonly TabletRow[], column: SortColumn, ascending: boolean): TabletRow[] {
  const value = sortValue[column];
  const keyed = rows.map((r) => ({ r, v: value(r) }));
  keyed.sort((a, b) => {
    if (a.v === b.v) return a.r.deviceCode < b.r.deviceCode ? -1 : 1;
    if (a.v === null) return 1;
    if (b.v === null) return -1;
    const c = a.v < b.v ? -1 : 1;
    return ascending ? c : -c;
  });
  return keyed.map((k) => k.r);
}
