/**
 * The exhibitor search index built from the one before (store exhibitor-search.ts
 * `exhibitorSearchIndex(list, previous)`), as the app does on every new read of the fair's list:
 * through any sequence of pulled pages of added, edited and removed exhibitors it searches exactly
 * like an index of the same list built afresh.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Exhibitor } from '../../src/domain/exhibitor';
import { exhibitorHaystack, exhibitorSearchIndex, matchExhibitors, searchExhibitors, type ExhibitorSearchIndex } from '../../src/store/exhibitor-search';
import { fcSeed } from '../support/fc-seed';

const chars = ['南', '山', '电', '器', 'a', 'N', 'b', '1', '3', '.', ' ', '-', 'ß', 'ｅ'] as const;
const word = (min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((w) => w.join(''));

interface Fields {
  readonly nameZh: string;
  readonly nameEn: string | undefined;
  readonly stand: string;
  readonly phone: string;
  readonly contacts: number;
}
const fields = fc.record({
  nameZh: word(1, 10),
  nameEn: fc.option(word(0, 10), { nil: undefined }),
  stand: fc.array(fc.constantFrom('A', 'B', '1', '2'), { minLength: 1, maxLength: 3 }).map((s) => s.join('')),
  phone: fc.array(fc.constantFrom('1', '3', '9'), { minLength: 1, maxLength: 6 }).map((d) => `+86${d.join('')}`),
  contacts: fc.integer({ min: 0, max: 2 }),
});

const exhibitor = (id: string, f: Fields): Exhibitor =>
  ({
    id,
    fairId: 'fair',
    nameZh: f.nameZh,
    ...(f.nameEn === undefined ? {} : { nameEn: f.nameEn }),
    country: 'CN',
    booths: [{ hall: '1.1', stand: f.stand }],
    contacts: Array.from({ length: f.contacts }, (_, i) => ({ name: `联系人${i}`, phone: f.phone })),
  }) as unknown as Exhibitor;

/** One change of a pulled page: an exhibitor added, one field of one edited, one removed, or a stretch removed. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), fields }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), field: fc.constantFrom('nameZh', 'nameEn', 'stand', 'phone', 'contacts'), fields }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
);

/** In booth order, ties by id: as listExhibitorsForSearch reads them. */
const byBooth = (a: Exhibitor, b: Exhibitor): number => {
  const x = a.booths[0]?.stand ?? '';
  const y = b.booths[0]?.stand ?? '';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const queries = ['', '南', '南山', 'a', 'n', 'AN', '1', '13', '+86', '0139', '1.1/A', 'SS', 'E', '器\u0001', ' '];

describe('exhibitorSearchIndex from the index before', () => {
  test('after any pages of added, edited and removed exhibitors, every search finds what an index built afresh finds', () => {
    const seed = fcSeed('exhibitor index update');
    fc.assert(
      fc.property(fc.array(fields, { maxLength: 120 }), fc.array(fc.array(change, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (first, pages, fresh) => {
        let nextId = 0;
        const made = new Map<string, Fields>();
        const add = (f: Fields): Exhibitor => {
          const id = `e${String(nextId++).padStart(5, '0')}`;
          made.set(id, f);
          return exhibitor(id, f);
        };
        let list = first.map(add).sort(byBooth);
        let index: ExhibitorSearchIndex = exhibitorSearchIndex(list);
        for (const page of pages) {
          const next = [...list];
          for (const c of page) {
            if (c.kind === 'add') next.push(add(c.fields));
            else if (next.length === 0) continue;
            else if (c.kind === 'remove') next.splice(c.at % next.length, c.count);
            else {
              const at = c.at % next.length;
              const { id } = next[at] as Exhibitor;
              const edited = { ...(made.get(id) as Fields), [c.field]: c.fields[c.field] };
              made.set(id, edited);
              next[at] = exhibitor(id, edited);
            }
          }
          next.sort(byBooth);
          // A live read hands out new objects for every row, changed or not; the memo may also see the same ones.
          list = fresh ? structuredClone(next) : next;
          index = exhibitorSearchIndex(list, index);
          const afresh = exhibitorSearchIndex([...list]);
          expect(index.lines).toEqual(afresh.lines);
          for (const q of queries) {
            expect(Array.from(matchExhibitors(index, q).positions)).toEqual(Array.from(matchExhibitors(afresh, q).positions));
            expect(searchExhibitors(index, q, 3)).toEqual(searchExhibitors(afresh, q, 3));
          }
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('exhibitorHaystack', () => {
  test('folding field by field gives the whole line upper-cased without spaces or hyphens', () => {
    const seed = fcSeed('exhibitor haystack fold');
    const edges = fc.array(fc.constantFrom('南', '\u4e00', '\u9fff', '\u3400', '\ua000', 'a', 'z', 'Z', 'ß', 'ｅ', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '-', '1', '+86'), { maxLength: 12 }).map((a) => a.join(''));
    const any = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), edges);
    fc.assert(
      fc.property(any, fc.option(any, { nil: undefined }), any, any, fc.option(any, { nil: undefined }), fc.array(fc.record({ name: any, phone: any }), { maxLength: 2 }), (nameZh, nameEn, hall, stand, foreignRegNo, contacts) => {
        const e = { id: 'e', nameZh, ...(nameEn === undefined ? {} : { nameEn }), ...(foreignRegNo === undefined ? {} : { foreignRegNo }), booths: [{ hall, stand }], contacts } as unknown as Exhibitor;
        const phones = contacts.map((c) => `${c.name}\u0001${c.phone.startsWith('+86') ? `${c.phone}\u00010${c.phone.slice(3)}` : c.phone}`);
        const whole = [nameZh, ...(nameEn === undefined ? [] : [nameEn]), `${hall}/${stand}`, ...(foreignRegNo === undefined ? [] : [foreignRegNo]), ...phones].join('\u0001');
        expect(exhibitorHaystack(e)).toBe(whole.toUpperCase().replace(/[-\s]/g, ''));
      }),
      { seed, numRuns: 2000 },
    );
  });
});
