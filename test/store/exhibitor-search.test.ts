/**
 * The exhibitor search (store exhibitor-search.ts): any part of the Chinese name, the English
 * name in any case, a booth, the USCC or registration number, a contact's name or phone, over the
 * fair's whole list, first `limit` in booth order; or every match (matchExhibitors), narrowing the
 * previous result when the query extends it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { createFair } from '../../src/store/fairs';
import { importExhibitors } from '../../src/store/exhibitors';
import fc from 'fast-check';
import { exhibitorSearchIndex, listExhibitorsForSearch, matchExhibitors, resultAt, searchExhibitors, type ExhibitorResult } from '../../src/store/exhibitor-search';
import type { Exhibitor } from '../../src/domain/exhibitor';
import { fcSeed } from '../support/fc-seed';
import type { Instant } from '../../src/domain/time';
import { clock, exhibitorInput, fairInput, freshDb, resetDb, uscc } from './fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('exhibitor-search');
  now = clock();
  const r = await createFair(fairInput(), now());
  if (!r.ok) throw new Error('fair');
  fair = r.value;
  const imported = await importExhibitors(
    fair.id,
    [
      exhibitorInput(3, { nameZh: '深圳市南山电器有限公司', nameEn: 'Shenzhen Nanshan Electric Co., Ltd.', booths: [{ hall: '2.2', stand: 'B10' }], contacts: [{ name: '王小明', phone: '13912345678' }] }),
      exhibitorInput(1, { nameZh: '华为技术有限公司', nameEn: 'Huawei Technologies', contacts: [{ name: 'Li Lei', phone: '+8675512345678' }] }),
      exhibitorInput(2, { nameZh: '南山区电子商会', nameEn: undefined, booths: [{ hall: '1.2', stand: 'C01' }] }),
      exhibitorInput(4, { nameZh: 'Acme GmbH', nameEn: 'Acme GmbH', country: 'DE', uscc: undefined, foreignRegNo: 'HRB 999', booths: [{ hall: '3.1', stand: 'D07' }] }),
    ],
    now(),
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
});
afterEach(resetDb);

const names = async (query: string, limit = 50): Promise<string[]> => searchExhibitors(exhibitorSearchIndex(await listExhibitorsForSearch(fair.id)), query, limit).found.map((e) => e.nameZh);

describe('searchExhibitors', () => {
  test('any part of the Chinese name, in booth order', async () => {
    expect(await names('南山')).toEqual(['南山区电子商会', '深圳市南山电器有限公司']);
    expect(await names('南山电器')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('深圳市南山')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('有限公司')).toEqual(['华为技术有限公司', '深圳市南山电器有限公司']);
  });

  test('the English name in any case, spaces and hyphens ignored', async () => {
    expect(await names('Nanshan')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('nanshan elec')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('ＥＬＥＣＴＲＩＣ')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('technolog')).toEqual(['华为技术有限公司']);
  });

  test('a booth, a stand, a USCC (any part) or a foreign registration number', async () => {
    expect(await names('2.2/b10')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('C01')).toEqual(['南山区电子商会']);
    expect(await names(uscc(1))).toEqual(['华为技术有限公司']);
    expect(await names(uscc(2).slice(9))).toEqual(['南山区电子商会']);
    expect(await names('hrb999')).toEqual(['Acme GmbH']);
  });

  test('a contact’s name or phone, as stored or as dialled at home', async () => {
    expect(await names('王小明')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('li lei')).toEqual(['华为技术有限公司']);
    expect(await names('139 1234 5678')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('+86139')).toEqual(['深圳市南山电器有限公司']);
    expect(await names('0755-1234')).toEqual(['华为技术有限公司']);
  });

  test('no match, a blank query (the list from the top) and the limit with "more"', async () => {
    const index = exhibitorSearchIndex(await listExhibitorsForSearch(fair.id));
    expect(searchExhibitors(index, 'nobody', 10)).toEqual({ found: [], more: false });
    expect(searchExhibitors(index, '  ', 2).found.map((e) => e.nameZh)).toEqual(['华为技术有限公司', '南山区电子商会']);
    expect(searchExhibitors(index, '  ', 2).more).toBe(true);
    expect(searchExhibitors(index, '南山', 1)).toEqual({ found: [index.exhibitors[1]], more: true });
    expect(searchExhibitors(index, '南山', 2).more).toBe(false);
    // No match spans two fields or two exhibitors.
    expect(searchExhibitors(index, '商会1.2', 10).found).toEqual([]);
    // The index of one list is built once.
    expect(exhibitorSearchIndex(index.exhibitors)).toBe(index);
  });

  test('only the fair’s exhibitors, without the store’s index fields', async () => {
    const other = await createFair(fairInput({ code: 'CF138', sessionNo: 138 }), now());
    if (!other.ok) throw new Error('fair');
    expect((await importExhibitors(other.value.id, [exhibitorInput(9, { nameZh: '南山另一家' })], now())).ok).toBe(true);
    expect(await names('南山')).toEqual(['南山区电子商会', '深圳市南山电器有限公司']);
    const [first] = await listExhibitorsForSearch(fair.id);
    expect(Object.keys(first ?? {})).not.toContain('search');
    expect(Object.keys(first ?? {})).not.toContain('boothKeys');
  });
});

describe('matchExhibitors', () => {
  const namesOf = (r: ExhibitorResult): string[] => Array.from(r.positions, (_, i) => resultAt(r, i)?.nameZh ?? '?');

  test('every match in booth order; a blank query lists everyone', async () => {
    const index = exhibitorSearchIndex(await listExhibitorsForSearch(fair.id));
    expect(namesOf(matchExhibitors(index, '南山'))).toEqual(['南山区电子商会', '深圳市南山电器有限公司']);
    expect(namesOf(matchExhibitors(index, 'nanshan elec'))).toEqual(['深圳市南山电器有限公司']);
    expect(namesOf(matchExhibitors(index, ' '))).toEqual(index.exhibitors.map((e) => e.nameZh));
    expect(namesOf(matchExhibitors(index, 'nobody'))).toEqual([]);
    expect(namesOf(matchExhibitors(index, '商会1.2'))).toEqual([]);
  });

  test('a query extending the previous one keeps only the previous matches that hold it; the same folded query is the same result', async () => {
    const index = exhibitorSearchIndex(await listExhibitorsForSearch(fair.id));
    const nan = matchExhibitors(index, '南');
    const nanshan = matchExhibitors(index, '南山电器', nan);
    expect(namesOf(nanshan)).toEqual(['深圳市南山电器有限公司']);
    expect(matchExhibitors(index, '南山 电器', nanshan)).toBe(nanshan);
    // A query that does not extend the previous one searches the whole list again.
    expect(namesOf(matchExhibitors(index, '有限公司', nanshan))).toEqual(['华为技术有限公司', '深圳市南山电器有限公司']);
    // A previous result of another list is not narrowed.
    const other = exhibitorSearchIndex([...index.exhibitors]);
    expect(namesOf(matchExhibitors(other, '南山', matchExhibitors(index, '南山电器')))).toEqual(['南山区电子商会', '深圳市南山电器有限公司']);
  });

  test('typed a character at a time, each result is the whole list searched afresh', () => {
    const seed = fcSeed('matchExhibitors narrowing');
    const word = fc.constantFrom('南', '山', '电', '器', 'a', 'N', '1', '3', '.', '/', ' ', '-');
    const exhibitor = fc.record({ name: fc.array(word, { maxLength: 12 }).map((w) => w.join('')), phone: fc.array(fc.constantFrom('1', '3', '9'), { minLength: 3, maxLength: 6 }).map((d) => d.join('')) });
    fc.assert(
      fc.property(fc.array(exhibitor, { maxLength: 30 }), fc.array(word, { maxLength: 8 }), (rows, typed) => {
        const list = rows.map(
          (r, i) =>
            ({ id: `e${i}`, fairId: fair.id, nameZh: r.name === '' ? '无名' : r.name, country: 'CN', booths: [{ hall: '1.1', stand: `A${i}` }], contacts: [{ name: '联系人', phone: r.phone }] }) as unknown as Exhibitor,
        );
        const index = exhibitorSearchIndex(list);
        let previous: ExhibitorResult | undefined;
        for (let n = 0; n <= typed.length; n++) {
          const query = typed.slice(0, n).join('');
          previous = matchExhibitors(index, query, previous);
          expect(Array.from(previous.positions)).toEqual(Array.from(matchExhibitors(index, query).positions));
          expect(Array.from(previous.positions, (p) => list[p])).toEqual(searchExhibitors(index, query, list.length).found);
        }
      }),
      { seed, numRuns: 200 },
    );
  });
});
