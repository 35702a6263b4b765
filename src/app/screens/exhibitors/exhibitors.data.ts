import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { useAppState } from '../../state/app-state';
import { createExhibitorSearch, keptIndex } from './exhibitor-rows';

/** A screenful and a little more: the list is for finding one exhibitor, the search narrows it (and a shorter list is painted within a keystroke). */
export const LIST_LIMIT = 20;

/** The current fair's exhibitors, searched in memory by any part of a name, booth, USCC or contact (exhibitor-rows.ts). */
export interface ExhibitorList {
  readonly fairId: Accessor<string | undefined>;
  readonly search: Accessor<string>;
  setSearch(v: string): void;
  readonly found: Accessor<readonly Exhibitor[] | undefined>;
  /** More match than the list shows (a screenful: the list is for finding one exhibitor, the search narrows it). */
  readonly more: Accessor<boolean>;
  readonly total: Accessor<number | undefined>;
  /** The newest server list version among the rows held here (CONSOLE-SPEC CO23); undefined when none came from the server. */
  readonly listVersion: Accessor<number | undefined>;
}

export function createExhibitorList(): ExhibitorList {
  const app = useAppState();
  const [search, setSearch] = createSignal('');
  const fairId = (): string | undefined => app.device()?.fairId;
  const matches = createExhibitorSearch(fairId, search, LIST_LIMIT);
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
  return { fairId, search, setSearch, found: () => matches()?.found, more: () => matches()?.more === true, total, listVersion };
}
