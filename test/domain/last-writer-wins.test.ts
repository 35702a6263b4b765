import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatHlc } from '../../src/domain/hlc';
import { compareVersions, latestPerEntity, pickLatest, supersedes, type Version } from '../../src/domain/last-writer-wins';

/** The last-writer-wins rule (SY20–SY22) on plain versions. */
const SEED = Number(process.env.LWW_SEED ?? 20_2520);
console.log(`last-writer-wins domain properties: seed ${SEED} (replay with LWW_SEED=${SEED})`);

const v = (wallMs: number, counter: number, node: string, id: string): Version => ({ hlc: formatHlc({ wallMs, counter, node }), id });

describe('last writer wins', () => {
  test('[SY20] the greater clock wins whatever the item ids', () => {
    const early = v(1_000, 0, 'B', 'Z'.repeat(26));
    const late = v(1_001, 0, 'A', '0'.repeat(26));
    expect(compareVersions(late, early)).toBe(1);
    expect(pickLatest([late, early])).toBe(late);
    expect(pickLatest([early, late])).toBe(late);
  });

  test('[SY20] the counter orders versions of the same millisecond', () => {
    const first = v(1_000, 1, 'A', 'B'.repeat(26));
    const second = v(1_000, 2, 'A', 'A'.repeat(26));
    expect(pickLatest([second, first])).toBe(second);
  });

  test('[SY21] equal clocks: the greater item id wins', () => {
    const a = v(1_000, 0, 'A', '01J00000000000000000000001');
    const b = v(1_000, 0, 'A', '01J00000000000000000000002');
    expect(pickLatest([a, b])).toBe(b);
    expect(pickLatest([b, a])).toBe(b);
  });

  test('[SY22] the same version again does not supersede itself; anything supersedes nothing', () => {
    const a = v(1_000, 0, 'A', '01J00000000000000000000001');
    expect(supersedes(a, { ...a })).toBe(false);
    expect(supersedes(a, undefined)).toBe(true);
    expect(pickLatest([])).toBeUndefined();
  });

  test('[SY22] any order of the same versions picks the same one per record', () => {
    const Ver = fc.record({
      entityId: fc.constantFrom('E1', 'E2', 'E3'),
      wall: fc.integer({ min: 0, max: 3 }),
      counter: fc.integer({ min: 0, max: 2 }),
      node: fc.constantFrom('A', 'B'),
      id: fc.constantFrom('01J1', '01J2', '01J3', '01J4'),
    });
    fc.assert(
      fc.property(fc.array(Ver, { minLength: 1, maxLength: 12 }), fc.array(fc.integer(), { minLength: 12, maxLength: 12 }), (specs, keys) => {
        const versions = specs.map((s) => ({ entityId: s.entityId, ...v(s.wall, s.counter, s.node, s.id) }));
        // An arrival order: the versions sorted by random keys.
        const shuffled = versions.map((x, k) => [keys[k] ?? 0, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const expectedOf = (entity: string) => {
          // Independent of the module: sort every version of the record, take the last.
          const mine = versions.filter((x) => x.entityId === entity).sort((x, y) => (x.hlc + x.id < y.hlc + y.id ? -1 : x.hlc + x.id > y.hlc + y.id ? 1 : 0));
          return mine[mine.length - 1];
        };
        const picked = latestPerEntity(shuffled);
        for (const e of new Set(versions.map((x) => x.entityId))) {
          expect({ hlc: picked.get(e)?.hlc, id: picked.get(e)?.id }).toEqual({ hlc: expectedOf(e)?.hlc, id: expectedOf(e)?.id });
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
