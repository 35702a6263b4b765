import { createSignal, type Accessor } from 'solid-js';
import { createUser, listUsers, type User } from '../../../store/users';
import type { FieldError, StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import type { DeskRole } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { pinMismatch } from '../sign-in/sign-in.data';

/** The organizer adds clerks and experts to this tablet (LC5). */
export interface UserForm {
  name: string;
  role: DeskRole;
}

export interface Users {
  readonly list: Accessor<readonly User[] | undefined>;
  /** Name and role autosave as a draft; the PIN never does (it is a secret). */
  readonly form: DraftForm<UserForm>;
  readonly pin: Accessor<string>;
  setPin(v: string): void;
  readonly pinConfirm: Accessor<string>;
  setPinConfirm(v: string): void;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly added: Accessor<User | undefined>;
  add(): Promise<User | undefined>;
}

export const blankUserForm = (): UserForm => ({ name: '', role: 'clerk' });

export function createUsers(): Users {
  const app = useAppState();
  const list = createLiveQuery(() => listUsers());
  const form = createDraftForm<UserForm>({ key: 'user:new', form: 'user', initial: blankUserForm, onStorageError: (e) => app.reportStorageError(e) });
  const [pin, setPin] = createSignal('');
  const [pinConfirm, setPinConfirm] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [added, setAdded] = createSignal<User>();
  const add = async (): Promise<User | undefined> => {
    setAdded(undefined);
    // Checked first: a mismatched PIN stores nothing.
    const mismatch = pinMismatch(pin(), pinConfirm());
    if (mismatch !== undefined) {
      setErrors([mismatch]);
      setFailure({ kind: 'invalid', fields: [mismatch] });
      return undefined;
    }
    const created = await createUser({ name: form.data.name, role: form.data.role, pin: pin() }, nowInstant());
    if (!created.ok) {
      setErrors(created.error.fields ?? []);
      setFailure(created.error);
      app.reportStorageError(created.error);
      return undefined;
    }
    setErrors([]);
    setFailure(undefined);
    setPin('');
    setPinConfirm('');
    setAdded(created.value);
    await form.clear(blankUserForm());
    return created.value;
  };
  return { list, form, pin, setPin, pinConfirm, setPinConfirm, errors, failure, added, add };
}
