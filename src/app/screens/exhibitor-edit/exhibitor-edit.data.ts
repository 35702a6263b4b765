import { createSignal, type Accessor } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { getExhibitor, saveExhibitor } from '../../../store/exhibitors';
import type { FieldError, StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { nowInstant } from '../../lib/clock';
import { useAppState } from '../../state/app-state';
import { blankExhibitorForm, exhibitorToForm, formToExhibitorFields, type ExhibitorForm } from './exhibitor-form';

/** Add or edit one exhibitor by hand, over the store's `saveExhibitor`. */
export interface ExhibitorEdit {
  readonly form: DraftForm<ExhibitorForm>;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  save(): Promise<Exhibitor | undefined>;
}

export function createExhibitorEdit(fairId: string, id: string | undefined): ExhibitorEdit {
  const app = useAppState();
  const form = createDraftForm<ExhibitorForm>({
    key: `exhibitor:${fairId}:${id ?? 'new'}`,
    form: 'exhibitor',
    initial: async () => {
      const e = id === undefined ? undefined : await getExhibitor(id);
      return e === undefined ? blankExhibitorForm(app.fair()) : exhibitorToForm(e);
    },
    onStorageError: (e) => app.reportStorageError(e),
  });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const save = async (): Promise<Exhibitor | undefined> => {
    const saved = await saveExhibitor(fairId, formToExhibitorFields(form.data, id), nowInstant());
    if (!saved.ok) {
      setErrors(saved.error.fields ?? []);
      setFailure(saved.error);
      app.reportStorageError(saved.error);
      return undefined;
    }
    setErrors([]);
    setFailure(undefined);
    await form.clear();
    return saved.value;
  };
  return { form, errors, failure, save };
}
