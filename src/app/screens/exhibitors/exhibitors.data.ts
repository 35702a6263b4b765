import { createSignal, type Accessor } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { findExhibitors, listExhibitors } from '../../../store/exhibitors';
import { createLiveQueryOn } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';

export const LIST_LIMIT = 100;

/** The current fair's exhibitors, searched by booth, name or USCC prefix (store `findExhibitors`). */
export interface ExhibitorList {
  readonly fairId: Accessor<string | undefined>;
  readonly search: Accessor<string>;
  setSearch(v: string): void;
  readonly found: Accessor<readonly Exhibitor[] | undefined>;
  readonly total: Accessor<number | undefined>;
}

export function createExhibitorList(): ExhibitorList {
  const app = useAppState();
  const [search, setSearch] = createSignal('');
  const fairId = (): string | undefined => app.device()?.fairId;
  const found = createLiveQueryOn(
    () => ({ fairId: fairId(), text: search() }),
    // A screenful: the list is for finding one exhibitor, the search narrows it.
    async ({ fairId, text }) => (fairId === undefined ? [] : text.trim() === '' ? (await listExhibitors(fairId)).slice(0, LIST_LIMIT) : findExhibitors(fairId, text, LIST_LIMIT)),
  );
  const all = createLiveQueryOn(fairId, async (id) => (id === undefined ? 0 : (await listExhibitors(id)).length));
  return { fairId, search, setSearch, found, total: all };
}
