import type { Accessor } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { selectFair } from '../../../store/device';
import { listFairs } from '../../../store/fairs';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';

export interface FairList {
  readonly fairs: Accessor<readonly Fair[] | undefined>;
  readonly currentId: Accessor<string | undefined>;
  readonly canSelect: Accessor<boolean>;
  select(id: string): Promise<void>;
}

export function createFairList(): FairList {
  const app = useAppState();
  const fairs = createLiveQuery(async () => (await listFairs()).sort((a, b) => b.sessionNo - a.sessionNo || a.code.localeCompare(b.code)));
  return {
    fairs,
    currentId: () => app.device()?.fairId,
    canSelect: () => app.device() !== undefined,
    select: async (id) => {
      const r = await selectFair(id, nowInstant());
      if (!r.ok) app.reportStorageError(r.error);
    },
  };
}
