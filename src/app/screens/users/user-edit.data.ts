import { createSignal, type Accessor } from 'solid-js';
import { resetPin, setUserActive, updateUser, type User } from '../../../store/users';
import type { FieldError, StorageError } from '../../../store/result';
import { nowInstant } from '../../lib/clock';
import type { DeskRole } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { pinMismatch } from '../sign-in/sign-in.data';

/** What the organizer is doing to one user: renaming / changing the role, or setting a new PIN. */
export type EditMode = 'edit' | 'pin';

export interface UserEditing {
  readonly open: Accessor<{ readonly user: User; readonly mode: EditMode } | undefined>;
  start(user: User, mode: EditMode): void;
  close(): void;
  readonly name: Accessor<string>;
  setName(v: string): void;
  readonly role: Accessor<DeskRole>;
  setRole(v: DeskRole): void;
  readonly pin: Accessor<string>;
  setPin(v: string): void;
  readonly pinConfirm: Accessor<string>;
  setPinConfirm(v: string): void;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  /** The last change done, for the confirmation line. */
  readonly done: Accessor<{ readonly kind: 'saved' | 'pin' | 'deactivated' | 'reactivated'; readonly name: string } | undefined>;
  save(): Promise<void>;
  setActive(user: User, active: boolean): Promise<void>;
}

/** Edits are not drafted: each is a few taps, and a PIN is a secret. */
export function createUserEditing(): UserEditing {
  const app = useAppState();
  const [open, setOpen] = createSignal<{ user: User; mode: EditMode }>();
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<DeskRole>('clerk');
  const [pin, setPin] = createSignal('');
  const [pinConfirm, setPinConfirm] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [done, setDone] = createSignal<{ kind: 'saved' | 'pin' | 'deactivated' | 'reactivated'; name: string }>();
  const refuse = (e: StorageError): void => {
    setErrors(e.fields ?? []);
    setFailure(e);
    app.reportStorageError(e);
  };
  const clear = (): void => {
    setErrors([]);
    setFailure(undefined);
    setPin('');
    setPinConfirm('');
  };
  return {
    open,
    start: (user, mode) => {
      clear();
      setDone(undefined);
      setName(user.name);
      setRole(user.role);
      setOpen({ user, mode });
    },
    close: () => {
      clear();
      setOpen(undefined);
    },
    name,
    setName,
    role,
    setRole,
    pin,
    setPin,
    pinConfirm,
    setPinConfirm,
    errors,
    failure,
    done,
    save: async () => {
      const o = open();
      if (o === undefined) return;
      if (o.mode === 'pin') {
        const mismatch = pinMismatch(pin(), pinConfirm());
        if (mismatch !== undefined) return refuse({ kind: 'invalid', fields: [mismatch] });
        const r = await resetPin(o.user.id, pin(), nowInstant());
        if (!r.ok) return refuse(r.error);
        setDone({ kind: 'pin', name: r.value.name });
      } else {
        const r = await updateUser(o.user.id, { name: name(), role: role() }, nowInstant());
        if (!r.ok) return refuse(r.error);
        setDone({ kind: 'saved', name: r.value.name });
      }
      clear();
      setOpen(undefined);
    },
    setActive: async (user, active) => {
      const r = await setUserActive(user.id, active, nowInstant());
      if (!r.ok) return refuse(r.error);
      setDone({ kind: active ? 'reactivated' : 'deactivated', name: user.name });
    },
  };
}
