import type { Accessor } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { selectFair } from '../../../store/device';
import { createFair, getFair, listFairs, updateFair } from '../../../store/fairs';
import type { FieldError, StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import { createStoreSubmission } from '../../lib/store-submission';
import { useAppState } from '../../state/app-state';
import { blankFairForm, fairToForm, formToFairInput, type FairForm } from './fair-form';

/** Fair setup: a draft-backed form over `createFair`/`updateFair` (FS1–FS18). */
export interface FairSetup {
  readonly form: DraftForm<FairForm>;
  readonly fairs: Accessor<readonly Fair[] | undefined>;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly saving: Accessor<boolean>;
  save(): Promise<Fair | undefined>;
}

export function createFairSetup(id: string | undefined): FairSetup {
  const app = useAppState();
  const form = createDraftForm<FairForm>({
    key: id === undefined ? 'fair:new' : `fair:${id}`,
    form: 'fair-setup',
    initial: async () => {
      const fair = id === undefined ? undefined : await getFair(id);
      return fair === undefined ? blankFairForm() : fairToForm(fair);
    },
    onStorageError: (e) => app.reportStorageError(e),
  });
  const fairs = createLiveQuery(() => listFairs());
  const submission = createStoreSubmission((e) => app.reportStorageError(e));

  const save = async (): Promise<Fair | undefined> => {
    const input = formToFairInput(form.data);
    const now = nowInstant();
    const fair = await submission.submit(() => (id === undefined ? createFair(input, now) : updateFair(id, input, now)));
    if (fair === undefined) return undefined;
    await form.clear(fairToForm(fair));
    // A device without a fair works for the one just created.
    const device = app.device();
    if (device !== undefined && device.fairId === undefined) await selectFair(fair.id, now);
    return fair;
  };

  return { form, fairs, errors: submission.errors, failure: submission.failure, saving: submission.busy, save };
}
