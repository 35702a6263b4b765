import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { SignedCommitment } from '../../../domain/commitment';
import type { Exhibitor } from '../../../domain/exhibitor';
import { boothKey } from '../../../domain/validators/booth';
import { commitmentCoverage } from '../../../store/commitments';
import { createLiveQueryOn } from '../../lib/live-query';
import { foldSearch } from '../case-board/board-model';

/** Coverage by hall (R2): which exhibitors have a current commitment (CM2, CM3). */
export type CoverageShow = 'all' | 'signed' | 'unsigned';

export interface CoverageHall {
  readonly hall: string;
  readonly rows: readonly { readonly exhibitor: Exhibitor; readonly commitment?: SignedCommitment | undefined }[];
  readonly signed: number;
  readonly total: number;
}

export interface Coverage {
  readonly loaded: Accessor<boolean>;
  readonly halls: Accessor<readonly CoverageHall[]>;
  readonly totals: Accessor<{ signed: number; total: number }>;
  readonly text: Accessor<string>;
  setText(v: string): void;
  readonly show: Accessor<CoverageShow>;
  setShow(v: CoverageShow): void;
}

const haystack = (e: Exhibitor): string => foldSearch([e.nameZh, e.nameEn ?? '', e.uscc ?? '', e.foreignRegNo ?? '', ...e.booths.map(boothKey)].join('\u0001'));

export function createCoverage(fairId: string): Coverage {
  const data = createLiveQueryOn(() => fairId, (id) => commitmentCoverage(id));
  const [text, setText] = createSignal('');
  const [show, setShow] = createSignal<CoverageShow>('all');
  const all = createMemo(() =>
    (data() ?? []).map((h) => ({
      hall: h.hall,
      rows: h.exhibitors,
      signed: h.exhibitors.filter((x) => x.commitment !== undefined).length,
      total: h.exhibitors.length,
    })),
  );
  const halls = createMemo(() => {
    const q = foldSearch(text());
    const s = show();
    return all()
      .map((h) => ({
        ...h,
        rows: h.rows.filter((r) => (s === 'all' || (s === 'signed') === (r.commitment !== undefined)) && (q === '' || haystack(r.exhibitor).includes(q))),
      }))
      .filter((h) => h.rows.length > 0);
  });
  return {
    loaded: () => data() !== undefined,
    halls,
    totals: () => all().reduce((acc, h) => ({ signed: acc.signed + h.signed, total: acc.total + h.total }), { signed: 0, total: 0 }),
    text,
    setText,
    show,
    setShow,
  };
}
