import { createMemo, createRoot, type Accessor } from 'solid-js';
import { exhibitorSearchIndex, listExhibitorsForSearch, matchExhibitors, searchExhibitors, type ExhibitorMatches, type ExhibitorResult, type ExhibitorSearchIndex } from '../../../store/exhibitor-search';
import { createLiveQuery } from '../../lib/live-query';

/**
 * The current fair's exhibitors, read once and kept live for the whole app (like the board's
 * rows, board-rows.ts): the exhibitor list and the respondent picker search them in memory on
 * every keystroke (store exhibitor-search.ts), and opening either again reads nothing. One
 * subscription per fair, owned by its own root so that leaving a screen does not drop it.
 */
let current: { readonly fairId: string; readonly index: Accessor<ExhibitorSearchIndex | undefined>; readonly dispose: () => void } | undefined;

export function exhibitorIndexOf(fairId: string): Accessor<ExhibitorSearchIndex | undefined> {
  if (current?.fairId !== fairId) {
    current?.dispose();
    current = createRoot((dispose) => {
      const list = createLiveQuery(() => listExhibitorsForSearch(fairId));
      // Each new read is indexed from the index before it: a pulled page or an edit folds only its own rows.
      const index = createMemo<ExhibitorSearchIndex | undefined>((previous) => {
        const l = list();
        return l === undefined ? previous : exhibitorSearchIndex(l, previous);
      });
      return { fairId, index, dispose };
    });
  }
  return current.index;
}

/** The kept index of the fair's exhibitors as it is now (tracked where read in a reactive scope). */
export const keptIndex = (fairId: string): ExhibitorSearchIndex | undefined => exhibitorIndexOf(fairId)();

function indexOf(fairId: Accessor<string | undefined>): Accessor<ExhibitorSearchIndex | undefined> {
  const index = createMemo(() => {
    const id = fairId();
    return id === undefined ? undefined : keptIndex(id);
  });
  return index;
}

/**
 * Every match of `query` among the fair's exhibitors (undefined while the list loads). Each result
 * narrows the one before when the query extends it (store matchExhibitors).
 */
export function createExhibitorResult(fairId: Accessor<string | undefined>, query: Accessor<string>): Accessor<ExhibitorResult | undefined> {
  const index = indexOf(fairId);
  const result = createMemo<ExhibitorResult | undefined>((previous) => {
    const i = index();
    return i === undefined ? undefined : matchExhibitors(i, query(), previous);
  });
  return result;
}

/** The matches of `query` among the fair's exhibitors, `limit` at most (undefined while the list loads). */
export function createExhibitorSearch(fairId: Accessor<string | undefined>, query: Accessor<string>, limit: number): Accessor<ExhibitorMatches | undefined> {
  const index = indexOf(fairId);
  const matches = createMemo(() => {
    const i = index();
    return i === undefined ? undefined : searchExhibitors(i, query(), limit);
  });
  return matches;
}
