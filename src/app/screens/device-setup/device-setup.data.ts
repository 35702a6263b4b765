import { createSignal, type Accessor } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { loadDevice, saveDevice } from '../../../store/device';
import { listFairs } from '../../../store/fairs';
import type { FieldError, StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { locale } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import { createStoreSubmission } from '../../lib/store-submission';
import { useAppState } from '../../state/app-state';

export interface DeviceForm {
  name: string;
  shortCode: string;
  fairId: string;
}

/** Device setup (CN1: the short code goes into case numbers) over `saveDevice`. */
export interface DeviceSetup {
  readonly form: DraftForm<DeviceForm>;
  readonly fairs: Accessor<readonly Fair[] | undefined>;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly saved: Accessor<boolean>;
  save(): Promise<void>;
}

export function createDeviceSetup(): DeviceSetup {
  const app = useAppState();
  const form = createDraftForm<DeviceForm>({
    key: 'device:this',
    form: 'device-setup',
    initial: async () => {
      const d = await loadDevice();
      return { name: d?.name ?? '', shortCode: d?.shortCode ?? '', fairId: d?.fairId ?? '' };
    },
    onStorageError: (e) => app.reportStorageError(e),
  });
  const fairs = createLiveQuery(() => listFairs());
  const submission = createStoreSubmission((e) => app.reportStorageError(e));
  const [saved, setSaved] = createSignal(false);
  const save = async (): Promise<void> => {
    setSaved(false);
    const d = form.data;
    const device = await submission.submit(() =>
      saveDevice({ name: d.name, shortCode: d.shortCode, language: locale(), ...(d.fairId === '' ? {} : { fairId: d.fairId }) }, nowInstant()),
    );
    if (device === undefined) return;
    setSaved(true);
    await form.clear({ name: device.name, shortCode: device.shortCode, fairId: device.fairId ?? '' });
  };
  return { form, fairs, errors: submission.errors, failure: submission.failure, saved, save };
}
