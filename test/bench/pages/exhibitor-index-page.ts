/**
 * The exhibitor index page: a fair's list as a live read hands it out (fresh objects on every
 * read, by first booth), its search index built afresh, and the index of the list after a pulled
 * page of changes built from the one before (exhibitorSearchIndex with `previous`). Timed inside
 * the page with performance.now(), the lists made beforehand in another call.
 */
import type { Exhibitor } from '../../../src/domain/exhibitor';
import { exhibitorSearchIndex, searchExhibitors, type ExhibitorSearchIndex } from '../../../src/store/exhibitor-search';
import { exhibitorRows, seedExhibitors } from '../../support/exhibitor-seed';

export interface ExhibitorIndexBenchApi {
  /** Makes the fair's `count` exhibitors; returns how many. */
  prepare(count: number): number;
  /**
   * Readies the next timing, outside it: a fresh read of the list, and for an update the index
   * before and a fresh read after `changes` exhibitors changed (half edited, a quarter added, a
   * quarter removed).
   */
  stage(changes: number, run: number): void;
  /** The index of the staged read built afresh: ms. */
  fresh(): number;
  /** The index of the staged read after the changes, built from the index before: ms, and whether a few searches give what an index built afresh gives. */
  update(): { ms: number; same: boolean };
}

declare global {
  interface Window {
    exhibitorIndexBench?: ExhibitorIndexBenchApi;
  }
}

const byBooth = (a: Exhibitor, b: Exhibitor): number => {
  const x = `${a.booths[0]?.hall}/${a.booths[0]?.stand}`;
  const y = `${b.booths[0]?.hall}/${b.booths[0]?.stand}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

let rows: Exhibitor[] = [];
const toExhibitors = (made: Record<string, unknown>[]): Exhibitor[] => made.map(({ boothKeys: _b, search: _s, ...e }) => e as unknown as Exhibitor).sort(byBooth);

let staged: { readonly read: Exhibitor[]; readonly before: ExhibitorSearchIndex; readonly after: Exhibitor[] } | undefined;

window.exhibitorIndexBench = {
  prepare(count) {
    rows = toExhibitors(exhibitorRows('01JFAIR0000000000000000000', seedExhibitors(count)));
    return rows.length;
  },
  stage(changes, run) {
    const before = exhibitorSearchIndex(structuredClone(rows));
    const next = structuredClone(rows);
    const step = Math.floor(next.length / changes);
    const added = toExhibitors(exhibitorRows('01JFAIR0000000000000000000', seedExhibitors(next.length + changes).slice(next.length)));
    const removed = new Set<number>();
    for (let c = 0; c < changes; c++) {
      const i = (c * step + run) % next.length;
      const e = next[i] as Exhibitor;
      if (c % 4 === 1) removed.add(i);
      else if (c % 4 === 3) next.push({ ...(added[c] as Exhibitor), id: `${e.id}N${run}` as Exhibitor['id'] });
      else next[i] = { ...e, nameEn: `${e.nameEn ?? ''} Trading ${run}`, contacts: [{ name: '新联系人', phone: `+8613800${String(c).padStart(6, '0')}` as Exhibitor['contacts'][number]['phone'], title: undefined }] };
    }
    staged = { read: structuredClone(rows), before, after: next.filter((_, i) => !removed.has(i)).sort(byBooth) };
  },
  fresh() {
    if (staged === undefined) throw new Error('nothing staged');
    const t0 = performance.now();
    exhibitorSearchIndex(staged.read);
    return performance.now() - t0;
  },
  update() {
    if (staged === undefined) throw new Error('nothing staged');
    const { before, after } = staged;
    const t0 = performance.now();
    const index = exhibitorSearchIndex(after, before);
    const ms = performance.now() - t0;
    const afresh = exhibitorSearchIndex([...after]);
    const same = ['trading', '新联系人', '南山', '13800000', 'shenzhen nan'].every((q) => {
      const a = searchExhibitors(index, q, 50_000).found;
      const b = searchExhibitors(afresh, q, 50_000).found;
      return a.length === b.length && a.every((e, i) => e === b[i]);
    });
    return { ms, same };
  },
};
document.title = 'ready';
