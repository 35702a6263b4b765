import { Fair } from '../../src/domain/fair';
import type { FairInput } from '../../src/domain/fair';
import { Instant } from '../../src/domain/time';

/** Test builders: real domain parses, no mocks (STYLE.md). */

/** A valid ULID-shaped id from a number, so tests read `id(7)`. */
export const ulidOf = (n: number, prefix = '01J'): string => `${prefix}${String(n).padStart(26 - prefix.length, '0')}`;

export const at = (s: string): Instant => Instant.parse(s.length === 16 ? `${s}:00.000Z` : s);

/** Local (Asia/Shanghai, UTC+8) `YYYY-MM-DD HH:mm` as an instant. */
export const local = (s: string): Instant => {
  const [d, t] = s.split(' ') as [string, string];
  return Instant.parse(new Date(`${d}T${t}:00.000+08:00`).toISOString());
};

/** Five desk days 2025-04-15…19, 09:00–17:00 Asia/Shanghai; fair close 2025-04-19 17:00 (+8). */
export function makeFair(overrides: Partial<FairInput> = {}): Fair {
  return Fair.parse({
    id: ulidOf(1, '01F'),
    code: 'CF137',
    nameZh: '第137届中国进出口商品交易会',
    nameEn: 'Canton Fair 137',
    sessionNo: 137,
    days: ['2025-04-15', '2025-04-16', '2025-04-17', '2025-04-18', '2025-04-19'].map((date) => ({
      date,
      opensAt: '09:00',
      closesAt: '17:00',
    })),
    settings: { authorities: [{ name: '广州市市场监督管理局', kind: 'admin' }, { name: '广州市知识产权执法队', kind: 'enforcement' }] },
    ...overrides,
  });
}
