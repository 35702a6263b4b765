import { createSignal, type Accessor } from 'solid-js';
import { createUser, listUsers, verifyPin, type User } from '../../../store/users';
import type { FieldError, StorageError } from '../../../store/result';
import { nowInstant } from '../../lib/clock';
import { useSession, type DeskRole, type SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { createLiveQuery } from '../../lib/live-query';

/** PIN sign-in over the store's users (issue 6 §8): pick a user, type the PIN, `verifyPin`. */
export interface SignIn {
  readonly users: Accessor<readonly User[] | undefined>;
  readonly selected: Accessor<User | undefined>;
  select(user: User | undefined): void;
  readonly pin: Accessor<string>;
  setPin(v: string): void;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly busy: Accessor<boolean>;
  submit(): Promise<boolean>;
  /** Device setup: the first user, organizer or expert, created and signed in at once. */
  createFirst(input: { name: string; role: DeskRole; pin: string; pinConfirm: string }): Promise<boolean>;
}

export const toSessionUser = (u: User): SessionUser => ({ id: u.id, name: u.name, role: u.role });

/** The PIN must be typed twice the same; checked here, before anything is stored. */
export const pinMismatch = (pin: string, confirm: string): FieldError | undefined =>
  pin !== confirm ? { field: 'pinConfirm', code: 'PIN_MISMATCH', params: {} } : undefined;

export function createSignIn(): SignIn {
  const app = useAppState();
  const session = useSession();
  const all = createLiveQuery(() => listUsers());
  const users = (): readonly User[] | undefined => all()?.filter((u) => u.active);
  const [selected, setSelected] = createSignal<User>();
  const [pin, setPin] = createSignal('');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [busy, setBusy] = createSignal(false);

  const fail = (e: StorageError): false => {
    setErrors(e.fields ?? []);
    setFailure(e);
    app.reportStorageError(e);
    return false;
  };

  return {
    users,
    selected,
    select: (u) => {
      setSelected(u);
      setPin('');
      setErrors([]);
      setFailure(undefined);
    },
    pin,
    setPin: (v) => {
      setPin(v);
      if (errors().length > 0) setErrors([]);
    },
    errors,
    failure,
    busy,
    submit: async () => {
      const u = selected();
      if (u === undefined || busy()) return false;
      setBusy(true);
      try {
        const verified = await verifyPin(u.id, pin());
        setPin('');
        if (!verified.ok) return fail(verified.error);
        setErrors([]);
        setFailure(undefined);
        session.signIn(toSessionUser(verified.value));
        setSelected(undefined);
        return true;
      } finally {
        setBusy(false);
      }
    },
    createFirst: async (input) => {
      const mismatch = pinMismatch(input.pin, input.pinConfirm);
      if (mismatch !== undefined) {
        setErrors([mismatch]);
        setFailure({ kind: 'invalid', fields: [mismatch] });
        return false;
      }
      setBusy(true);
      try {
        const created = await createUser({ name: input.name, role: input.role, pin: input.pin }, nowInstant());
        if (!created.ok) return fail(created.error);
        setErrors([]);
        setFailure(undefined);
        session.signIn(toSessionUser(created.value));
        return true;
      } finally {
        setBusy(false);
      }
    },
  };
}
