import { createSignal, type Accessor } from 'solid-js';
import { createUser, listUsers, type User } from '../../../store/users';
import { PIN_LOCKED, pinLockState, signInWithPin } from '../../../store/pin-lockout';
import type { FieldError, StorageError } from '../../../store/result';
import { nowInstant, nowMs } from '../../lib/clock';
import { useSession, type DeskRole, type SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { createLiveQuery } from '../../lib/live-query';

/** PIN sign-in over the store's users (LC5): pick a user, type the PIN, `verifyPin`. */
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
  /** The selected user's lock (LC6: 5 wrong PINs), as ms on the app clock; undefined when none. */
  readonly lockedUntilMs: Accessor<number | undefined>;
  /** Wrong PINs left before the lock, after a wrong one. */
  readonly triesLeft: Accessor<number | undefined>;
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
  const [lockedUntilMs, setLockedUntil] = createSignal<number>();
  const [triesLeft, setTriesLeft] = createSignal<number>();
  // The lock is stored: a reload, or picking the user again, shows it before any PIN is typed.
  const readLock = async (u: User): Promise<void> => {
    const s = await pinLockState(u.id);
    if (selected()?.id === u.id) setLockedUntil(s.lockedUntilMs !== undefined && s.lockedUntilMs > nowMs() ? s.lockedUntilMs : undefined);
  };

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
      setLockedUntil(undefined);
      setTriesLeft(undefined);
      if (u !== undefined) void readLock(u);
    },
    pin,
    setPin: (v) => {
      setPin(v);
      if (errors().length > 0) setErrors([]);
    },
    errors,
    failure,
    busy,
    lockedUntilMs,
    triesLeft,
    submit: async () => {
      const u = selected();
      if (u === undefined || busy()) return false;
      setBusy(true);
      try {
        const verified = await signInWithPin(u.id, pin(), nowInstant());
        setPin('');
        if (!verified.ok) {
          const pinError = verified.error.fields?.find((f) => f.field === 'pin');
          const until = pinError?.code === PIN_LOCKED ? Date.parse(String(pinError.params.until)) : undefined;
          setLockedUntil(until);
          setTriesLeft(typeof pinError?.params.left === 'number' ? pinError.params.left : undefined);
          // The lock has its own live message (time left); the field shows no second one.
          return fail(until === undefined ? verified.error : { ...verified.error, fields: [] });
        }
        setErrors([]);
        setFailure(undefined);
        setTriesLeft(undefined);
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
