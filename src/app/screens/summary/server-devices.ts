import { CompletenessReply } from '../../../domain/report/completeness';
import { loadCredentials } from '../../../store/sync-state';

/**
 * The server's half of the completeness gate (issue 9 §2): the fair's enrolled devices, asked
 * with this tablet's device token. Undefined with the reason when it cannot be had (not
 * enrolled, offline, refused, an answer we cannot read): the screen says so and every export
 * is provisional.
 */
export type ServerDevices =
  | { readonly ok: true; readonly reply: CompletenessReply; readonly thisDeviceId: string; readonly at: number }
  | { readonly ok: false; readonly reason: 'NOT_ENROLLED' | 'OFFLINE' | 'REFUSED' | 'UNREADABLE' };

export async function fetchServerDevices(fairId: string): Promise<ServerDevices> {
  const creds = await loadCredentials();
  if (creds === undefined || creds.fairId !== fairId) return { ok: false, reason: 'NOT_ENROLLED' };
  let res: Response;
  try {
    res = await fetch(`${creds.baseUrl}/api/reports/completeness?fair=${encodeURIComponent(fairId)}`, { headers: { authorization: `Bearer ${creds.token}` } });
  } catch {
    return { ok: false, reason: 'OFFLINE' };
  }
  if (!res.ok) return { ok: false, reason: res.status >= 500 ? 'OFFLINE' : 'REFUSED' };
  const parsed = CompletenessReply.safeParse(await res.json().catch(() => undefined));
  return parsed.success ? { ok: true, reply: parsed.data, thisDeviceId: creds.deviceId, at: Date.now() } : { ok: false, reason: 'UNREADABLE' };
}
