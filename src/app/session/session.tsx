import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor, type JSX } from 'solid-js';
import type { Actor } from '../../domain/case/events';
import type { UserId } from '../../domain/ids';
import { useAppState } from '../state/app-state';

/**
 * The signed-in user of this tablet (LC5): desk staff and experts sign in with a short
 * PIN; the user is the `actor` of every write, so each event records who did it. The session
 * survives a reload of the same tab (sessionStorage) but not the fair's idle time: a kiosk left
 * alone signs itself out, so the next person cannot act in someone else's name.
 */
export const DESK_ROLES = ['clerk', 'expert', 'organizer'] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

export interface SessionUser {
  readonly id: UserId;
  readonly name: string;
  readonly role: DeskRole;
}

/** Without a fair (device setup), the §3 default of `publicFormIdleSeconds`. */
export const DEFAULT_IDLE_SECONDS = 180;

const STORAGE_KEY = 'faircase.session';

/**
 * What sessionStorage holds, checked by hand: the shell loads this module eagerly and zod stays
 * out of the first paint (P2). The restored user is then checked against the store's users
 * (still there, active, same role), so an edited entry does not sign anyone in.
 */
function parseStored(v: unknown): { user: SessionUser; lastActiveMs: number } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { user, lastActiveMs } = v as { user?: Partial<SessionUser>; lastActiveMs?: unknown };
  if (typeof lastActiveMs !== 'number' || user === undefined) return undefined;
  const ok = typeof user.id === 'string' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(user.id) && typeof user.name === 'string' && user.name !== '' && DESK_ROLES.includes(user.role as DeskRole);
  return ok ? { user: { id: user.id as UserId, name: user.name as string, role: user.role as DeskRole }, lastActiveMs } : undefined;
}

export interface Session {
  readonly user: Accessor<SessionUser | undefined>;
  /** The actor stamped on every write (domain `Actor`); undefined when nobody is signed in. */
  readonly actor: Accessor<Actor | undefined>;
  signIn(user: SessionUser): void;
  signOut(): void;
  /** The idle time after which the tablet signs out on its own, in seconds. */
  readonly idleSeconds: Accessor<number>;
}

const SessionContext = createContext<Session>();

function readStored(idleSeconds: number, nowMs: number): SessionUser | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw === null) return undefined;
    const parsed = parseStored(JSON.parse(raw));
    if (parsed === undefined || nowMs - parsed.lastActiveMs > idleSeconds * 1000) return undefined;
    return parsed.user;
  } catch {
    return undefined;
  }
}

function writeStored(user: SessionUser | undefined, nowMs: number): void {
  try {
    if (user === undefined) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ user, lastActiveMs: nowMs }));
  } catch {
    // Private mode: the session lasts as long as this page.
  }
}

/** Activity that keeps a session alive (the same events as the public forms' idle reset). */
const ACTIVITY = ['pointerdown', 'keydown', 'input'] as const;
/** Activity is written back at most this often, not on every keystroke. */
const TOUCH_EVERY_MS = 5_000;

export function SessionProvider(props: { readonly children: JSX.Element }): JSX.Element {
  const app = useAppState();
  const nowMs = (): number => Date.now();
  // §3 setting: the fair's idle time (the same one that resets the public forms).
  const idleSeconds = (): number => app.fair()?.settings.publicFormIdleSeconds ?? DEFAULT_IDLE_SECONDS;
  const [user, setUser] = createSignal<SessionUser | undefined>(readStored(idleSeconds(), nowMs()));
  let lastActive = nowMs();
  let lastWritten = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const signOut = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    setUser(undefined);
    writeStored(undefined, nowMs());
  };
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (user() === undefined) return;
    const left = lastActive + idleSeconds() * 1000 - nowMs();
    timer = setTimeout(() => {
      // Re-check: the fair (and so the idle time) may have changed while waiting.
      if (nowMs() - lastActive >= idleSeconds() * 1000) signOut();
      else arm();
    }, Math.max(left, 250));
  };
  const touch = (): void => {
    lastActive = nowMs();
    const u = user();
    if (u !== undefined && lastActive - lastWritten > TOUCH_EVERY_MS) {
      lastWritten = lastActive;
      writeStored(u, lastActive);
    }
    arm();
  };

  /** The store is a lazy chunk (P2): a restored session is checked after the first paint. */
  const checkRestored = async (restored: SessionUser): Promise<void> => {
    try {
      const row = await (await import('../../store/users')).getUser(restored.id);
      const still = row !== undefined && row.active && row.role === restored.role && row.name === restored.name;
      if (!still && user()?.id === restored.id) signOut();
    } catch {
      signOut();
    }
  };

  onMount(() => {
    for (const e of ACTIVITY) document.addEventListener(e, touch, { capture: true, passive: true });
    arm();
    const restored = user();
    if (restored !== undefined) void checkRestored(restored);
  });
  onCleanup(() => {
    if (timer !== undefined) clearTimeout(timer);
    for (const e of ACTIVITY) document.removeEventListener(e, touch, { capture: true });
  });

  const session: Session = {
    user,
    actor: () => {
      const u = user();
      return u === undefined ? undefined : { userId: u.id, role: u.role };
    },
    signIn: (u) => {
      setUser(u);
      lastActive = nowMs();
      lastWritten = lastActive;
      writeStored(u, lastActive);
      arm();
    },
    signOut,
    idleSeconds,
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === undefined) throw new Error('useSession outside SessionProvider');
  return s;
}
