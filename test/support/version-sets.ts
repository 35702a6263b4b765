import fc from 'fast-check';
import type { Exhibitor } from '../../src/domain/exhibitor';
import type { Fair } from '../../src/domain/fair';
import { formatHlc } from '../../src/domain/hlc';
import { latestPerEntity } from '../../src/domain/last-writer-wins';
import type { SyncItem } from '../../src/domain/sync-item';
import { usccCheckChar } from '../../src/domain/validators/uscc';
import { makeFair, ulidOf } from './builders';

/**
 * Random sets of versions of a fair and its exhibitors, for the last-writer-wins properties
 * (SY20–SY24) on tablets and on the server. Clocks are drawn from a few values so that equal
 * clocks (SY21) occur; each version is one item of its own device, so any arrival order is one a
 * server could see.
 */

/** The property tests' seed: fixed, or `LWW_SEED` to replay or explore. */
export const LWW_SEED = Number(process.env.LWW_SEED ?? 2020);

export interface VersionSpec {
  /** 0: the fair; 1–3: an exhibitor. */
  readonly record: number;
  readonly wall: number;
  readonly counter: number;
  readonly node: number;
  readonly booths: number;
}

const Spec = fc.record({
  record: fc.integer({ min: 0, max: 3 }),
  wall: fc.integer({ min: 0, max: 2 }),
  counter: fc.integer({ min: 0, max: 1 }),
  node: fc.integer({ min: 0, max: 1 }),
  booths: fc.integer({ min: 1, max: 3 }),
});

/** A set of versions holding at least one of the fair. */
export const versionSets = fc.tuple(Spec, fc.array(Spec, { maxLength: 7 })).map(([first, rest]): VersionSpec[] => [{ ...first, record: 0 }, ...rest]);

/** An arrival order of `n` versions: their indexes sorted by random keys. */
export const arrivalOrder = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer(), { minLength: n, maxLength: n }).map((keys) => keys.map((key, k) => [key, k] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, k]) => k));

/** Where a set of versions lives: its fair, and its items' ids and devices (ids in version order). */
export interface VersionWorld {
  readonly fairId: string;
  readonly itemId: (k: number) => string;
  readonly deviceId: (k: number) => string;
}

export const exhibitorId = (record: number): string => ulidOf(record, '01X');
const uscc = (n: number): string => {
  const body = `91350100M${String(n).padStart(8, '0')}`;
  return body + usccCheckChar(body);
};
const BASE_MS = Date.UTC(2025, 3, 15, 1, 0, 0);

/** The versions as the items their devices would sync. */
export function versionItems(specs: readonly VersionSpec[], world: VersionWorld): SyncItem[] {
  return specs.map((s, k): SyncItem => {
    const fairVersion = s.record === 0;
    const entityId = fairVersion ? world.fairId : exhibitorId(s.record);
    const at = new Date(BASE_MS + s.wall * 1000).toISOString();
    const payload: Fair | Exhibitor = fairVersion
      ? makeFair({ id: world.fairId, nameEn: `Canton Fair v${k}` } as never)
      : ({
          id: entityId,
          fairId: world.fairId,
          nameZh: `参展商${s.record}号`,
          nameEn: `Exhibitor ${s.record} v${k}`,
          country: 'CN',
          uscc: uscc(s.record),
          booths: Array.from({ length: s.booths }, (_, j) => ({ hall: '1.1', stand: `${'ABC'[s.record - 1] ?? 'D'}${String(j + 1).padStart(2, '0')}` })),
          contacts: [],
          createdAt: at,
          createdBy: ulidOf(1, '01W'),
          deviceId: world.deviceId(k),
        } as unknown as Exhibitor);
    return {
      id: world.itemId(k),
      fairId: world.fairId,
      deviceId: world.deviceId(k),
      seq: 1,
      hlc: formatHlc({ wallMs: BASE_MS + s.wall * 1000, counter: s.counter, node: `N${s.node}` }),
      at,
      kind: fairVersion ? 'fair' : 'exhibitor',
      entityId,
      payload,
    } as SyncItem;
  });
}

/** What a reader shows of the fair and its exhibitors, apart from the fair's id. */
export interface Shown {
  readonly fair: string | undefined;
  readonly exhibitors: readonly { readonly id: string; readonly nameEn: string | undefined; readonly booths: readonly string[] }[];
}

export function shown(fair: Fair | undefined, exhibitors: readonly Exhibitor[]): Shown {
  return {
    fair: fair?.nameEn,
    exhibitors: [...exhibitors]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((e) => ({ id: e.id, nameEn: e.nameEn, booths: e.booths.map((b) => `${b.hall}/${b.stand}`) })),
  };
}

/** What the domain's rule makes current of these items (SY20, SY21). */
export function expectedShown(items: readonly SyncItem[]): Shown {
  const current = [...latestPerEntity(items).values()];
  const fair = current.find((i) => i.kind === 'fair')?.payload as Fair | undefined;
  return shown(fair, current.filter((i) => i.kind === 'exhibitor').map((i) => i.payload as Exhibitor));
}
