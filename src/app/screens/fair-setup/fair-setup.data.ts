import { createSignal, type Accessor } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { selectFair } from '../../../store/device';
import { createFair, getFair, listFairs, updateFair } from '../../../store/fairs';
import type { FieldError, StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';
import { blankFairForm, fairToForm, formToFairInput, type FairForm } from './fair-form';

/** Fair setup: a draft-backed form over `createFair`/`updateFair` (DOMAIN.md §3). */
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
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [saving, setSaving] = createSignal(false);

  const save = async (): Promise<Fair | undefined> => {
    setSaving(true);
    try {
      const input = formToFairInput(form.data);
      const now = nowInstant();
      const saved = id === undefined ? await createFair(input, now) : await updateFair(id, input, now);
      if (!saved.ok) {
        setErrors(saved.error.fields ?? []);
        setFailure(saved.error);
        app.reportStorageError(saved.error);
        return undefined;
      }
      setErrors([]);
      setFailure(undefined);
      await form.clear(fairToForm(saved.value));
      // A device without a fair works for the one just created.
      const device = app.device();
      if (device !== undefined && device.fairId === undefined) await selectFair(saved.value.id, now);
      return saved.value;
    } finally {
      setSaving(false);
    }
  };

  return { form, fairs, errors, failure, saving, save };
}
