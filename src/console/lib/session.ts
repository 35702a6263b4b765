import { createSignal } from 'solid-js';
import {
  CONSOLE_PREFIX,
  PasswordChanged,
  SessionInfo,
  SignedOut,
  type ChangePasswordRequest,
  type SignInRequest,
} from '../../domain/wire/console';
import { request, type ApiResult } from './api';

/** Who is signed in: undefined while the first read runs, null when nobody. */
const [session, setSession] = createSignal<SessionInfo | null | undefined>(undefined);
export { session };

export async function readSession(): Promise<void> {
  const r = await request(SessionInfo, `${CONSOLE_PREFIX}/session`, { quietUnauthenticated: true });
  setSession(r.ok ? r.value : null);
}

export async function signIn(body: SignInRequest): Promise<ApiResult<SessionInfo>> {
  const r = await request(SessionInfo, `${CONSOLE_PREFIX}/session`, { method: 'POST', body, quietUnauthenticated: true });
  if (r.ok) setSession(r.value);
  return r;
}

export async function signOut(everywhere: boolean): Promise<ApiResult<SignedOut>> {
  const r = everywhere
    ? await request(SignedOut, `${CONSOLE_PREFIX}/session/everywhere-out`, { method: 'POST', quietUnauthenticated: true })
    : await request(SignedOut, `${CONSOLE_PREFIX}/session`, { method: 'DELETE', quietUnauthenticated: true });
  // Signed out either way: a 401 means the session had already ended.
  if (r.ok || (r.failure.kind === 'refused' && r.failure.status === 401)) setSession(null);
  return r;
}

export const changePassword = (body: ChangePasswordRequest): Promise<ApiResult<PasswordChanged>> =>
  request(PasswordChanged, `${CONSOLE_PREFIX}/password`, { method: 'POST', body });

/** An expired session: nobody is signed in any more (the shell sends the person to sign in). */
export const sessionEnded = (): void => {
  setSession(null);
};
