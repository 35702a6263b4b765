import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { ExhibitorResult } from '../../../store/exhibitor-search';
import type { Exhibitor } from '../../../domain/exhibitor';
import { useAppState } from '../../state/app-state';
import { createExhibitorResult, keptIndex } from './exhibitor-rows';

/** The current fair's exhibitors, searched in memory by any part of a name, booth, USCC or contact (exhibitor-rows.ts). */
export interface ExhibitorList {
  readonly fairId: Accessor<string | undefined>;
  readonly search: Accessor<string>;
  setSearch(v: string): void;
  /** Every match, in booth order (the screen renders the ones in sight). */
  readonly found: Accessor<FoundExhibitors | undefined>;
  readonly total: Accessor<number | undefined>;
  /** The newest server list version among the rows held here (CONSOLE-SPEC CO23); undefined when none came from the server. */
  readonly listVersion: Accessor<number | undefined>;
}

/** The matches of one search: how many, and those from `start` to `end`. */
export interface FoundExhibitors {
  readonly length: number;
  slice(start: number, end: number): readonly Exhibitor[];
}

const foundOf = (r: ExhibitorResult): FoundExhibitors => ({
  length: r.positions.length,
  slice: (start, end) => Array.from(r.positions.subarray(start, end), (p) => r.index.exhibitors[p] as Exhibitor),
});

export function createExhibitorList(): ExhibitorList {
  const app = useAppState();
  const [search, setSearch] = createSignal('');
  const fairId = (): string | undefined => app.device()?.fairId;
  const result = createExhibitorResult(fairId, search);
  const found = createMemo(() => {
    const r = result();
    return r === undefined ? undefined : foundOf(r);
  });
  const total = (): number | undefined => {
    const id = fairId();
    return id === undefined ? undefined : keptIndex(id)?.exhibitors.length;
  };
  const listVersion = createMemo(() => {
    const id = fairId();
    let v: number | undefined;
    for (const e of (id === undefined ? undefined : keptIndex(id))?.exhibitors ?? []) if (e.listVersion !== undefined && (v === undefined || e.listVersion > v)) v = e.listVersion;
    return v;
  });
  return { fairId, search, setSearch, found, total, listVersion };
}
