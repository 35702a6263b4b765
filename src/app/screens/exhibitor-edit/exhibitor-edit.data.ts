import { createSignal, type Accessor } from 'solid-js';
import type { Exhibitor } from '../../../domain/exhibitor';
import { FairSettings } from '../../../domain/fair';
import type { FairId } from '../../../domain/ids';
import { getExhibitor, saveExhibitor } from '../../../store/exhibitors';
import type { FieldError, StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { createIdleReset } from '../../drafts/idle-reset';
import { nowInstant } from '../../lib/clock';
import { createStoreSubmission } from '../../lib/store-submission';
import { useAppState } from '../../state/app-state';
import { blankExhibitorForm, exhibitorToForm, formToExhibitorFields, type ExhibitorForm } from './exhibitor-form';

/** Add or edit one exhibitor by hand, over the store's `saveExhibitor`. */
export interface ExhibitorEdit {
  readonly form: DraftForm<ExhibitorForm>;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly saved: Accessor<boolean>;
  save(): Promise<Exhibitor | undefined>;
}

/**
 * `visitor`: an exhibitor types its own details at the kiosk (a public form: it resets after the
 * fair's idle time and the half-filled draft is parked for the desk). `draftKey`: the desk picks
 * up such a parked draft.
 */
export interface ExhibitorEditMode {
  readonly visitor?: boolean;
  readonly draftKey?: string | undefined;
}

export function createExhibitorEdit(fairId: string, id: string | undefined, mode: ExhibitorEditMode = {}): ExhibitorEdit {
  const app = useAppState();
  const form = createDraftForm<ExhibitorForm>({
    key: mode.draftKey ?? `exhibitor:${fairId}:${mode.visitor === true ? 'visitor' : (id ?? 'new')}`,
    form: 'exhibitor',
    public: mode.visitor === true,
    fairId: fairId as FairId,
    initial: async () => {
      const e = id === undefined ? undefined : await getExhibitor(id);
      return e === undefined ? blankExhibitorForm(app.fair()) : exhibitorToForm(e);
    },
    onStorageError: (e) => app.reportStorageError(e),
  });
  const submission = createStoreSubmission((e) => app.reportStorageError(e));
  const [saved, setSaved] = createSignal(false);
  const save = async (): Promise<Exhibitor | undefined> => {
    const exhibitor = await submission.submit(() => saveExhibitor(fairId, formToExhibitorFields(form.data, id), nowInstant()));
    if (exhibitor === undefined) return undefined;
    // A visitor form starts blank for the next visitor.
    await form.clear(mode.visitor === true ? blankExhibitorForm(app.fair()) : undefined);
    setSaved(true);
    return exhibitor;
  };
  if (mode.visitor === true) {
    createIdleReset(
      () => app.fair()?.settings.publicFormIdleSeconds ?? FairSettings.parse({}).publicFormIdleSeconds,
      () => {
        if (form.dirty() || JSON.stringify(form.data) !== JSON.stringify(blankExhibitorForm(app.fair()))) {
          submission.reset();
          void form.park(blankExhibitorForm(app.fair()));
        }
      },
    );
  }
  return { form, errors: submission.errors, failure: submission.failure, saved, save };
}
