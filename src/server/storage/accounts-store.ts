import { ulid } from 'ulidx';
import type { DeviceEnrolled, DeviceProof, DeviceRole, DeviceSummary, ServerRole } from '../../domain/wire/accounts';
import { ENROLMENT_PREFIX } from '../../domain/wire/accounts';
import type { ErrorCode } from '../../domain/wire/protocol';
import { hashPassword, hashSecret, newToken, randomBase32, verifyPassword } from '../auth/secrets';
import { pickDeviceCode } from './device-codes';
import { proveDevice } from './device-keys';
import { num, type SqlClient, type SqlRunner } from './sql';
import { audit } from '../console/audit';

/** Who is calling: a person (organizer, expert) or an enrolled tablet bound to one fair. */
export type Principal =
  | { readonly kind: 'user'; readonly userId: string; readonly role: ServerRole }
  | { readonly kind: 'device'; readonly deviceId: string; readonly fairId: string; readonly role: DeviceRole };

export class AccountError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';

export async function createUser(db: SqlRunner, input: { name: string; password: string; role: 'organizer' | 'expert' }): Promise<{ userId: string }> {
  const userId = ulid();
  const rows = await db.query('insert into users (id, name, role, password_hash) values ($1, $2, $3, $4) on conflict (name) do nothing returning id', [
    userId, input.name, input.role, await hashPassword(input.password),
  ]);
  if (rows.length === 0) throw new AccountError('NAME_TAKEN');
  return { userId };
}

/** The organizer's first account, from the environment or the CLI; nothing happens if the name exists. */
export async function ensureOrganizer(db: SqlRunner, name: string, password: string): Promise<boolean> {
  try {
    await createUser(db, { name, password, role: 'organizer' });
    return true;
  } catch (e) {
    if (e instanceof AccountError) return false;
    throw e;
  }
}

export async function login(db: SqlRunner, name: string, password: string): Promise<{ token: string; userId: string; role: ServerRole } | undefined> {
  const [user] = await db.query<{ id: string; role: ServerRole; password_hash: string }>('select id, role, password_hash from users where name = $1 and disabled_at is null', [name]);
  // Verify against a dummy hash when the name is unknown, so timing does not reveal names.
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (user === undefined || !ok) return undefined;
  const token = newToken();
  await db.query('insert into tokens (hash, user_id, role) values ($1, $2, $3)', [hashSecret(token), user.id, user.role]);
  return { token, userId: user.id, role: user.role };
}
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Resolves a bearer token; every check is in the database, so any instance answers the same. */
export async function authenticate(db: SqlRunner, token: string): Promise<Principal | { readonly refused: ErrorCode }> {
  const [row] = await db.query<{ user_id: string | null; device_id: string | null; fair_id: string | null; role: string; revoked_at: unknown; device_revoked: unknown; device_exists: boolean }>(
    `select t.user_id, t.device_id, t.fair_id, t.role, t.revoked_at, d.revoked_at as device_revoked, d.id is not null as device_exists
     from tokens t left join devices d on d.id = t.device_id and d.fair_id = t.fair_id where t.hash = $1`,
    [hashSecret(token)],
  );
  if (row === undefined) return { refused: 'UNAUTHENTICATED' };
  if (row.revoked_at !== null) return { refused: 'TOKEN_REVOKED' };
  if (row.device_id !== null && row.fair_id !== null) {
    if (!row.device_exists || row.device_revoked !== null) return { refused: 'DEVICE_REVOKED' };
    return { kind: 'device', deviceId: row.device_id, fairId: row.fair_id, role: row.role as DeviceRole };
  }
  if (row.user_id === null) return { refused: 'UNAUTHENTICATED' };
  return { kind: 'user', userId: row.user_id, role: row.role as ServerRole };
}

export async function createEnrolment(db: SqlRunner, userId: string, input: { fairId: string; role: DeviceRole; ttlMinutes: number }, nowMs: number): Promise<{ code: string; expiresAt: string }> {
  const code = `${ENROLMENT_PREFIX}${randomBase32()}`;
  const expiresAt = new Date(nowMs + input.ttlMinutes * 60_000).toISOString();
  await db.query('insert into enrolments (code_hash, fair_id, role, created_by, expires_at) values ($1, $2, $3, $4, $5)', [
    hashSecret(code), input.fairId, input.role, userId, expiresAt,
  ]);
  return { code, expiresAt };
}

/** What a tablet sends to redeem a code (RedeemEnrolmentRequest, parsed). */
export interface Redemption {
  readonly code: string;
  readonly deviceId?: string | undefined;
  readonly deviceName: string;
  readonly deviceCode?: string | undefined;
  readonly proof?: DeviceProof | undefined;
  /** CO16: where the redemption came from (SY60) and when, for its audit row. */
  readonly address?: string | undefined;
  readonly nowMs?: number | undefined;
}

/**
 * A tablet redeems a one-time code: it becomes a device of the code's fair, with a device code
 * unique in that fair (CN1, enforced by the database's unique key, so two instances cannot hand
 * out one code twice) and a token bound to device and fair. An existing device id gets a token
 * only with that device's proof (SY41), and then keeps its code and sequence; the device that
 * redeemed a code may redeem it again after a lost answer (SY43).
 */
export async function redeemEnrolment(db: SqlClient, input: Redemption): Promise<DeviceEnrolled> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction((tx) => redeemOnce(tx, input));
    } catch (e) {
      // Another instance took the same free code at the same moment: try again.
      if (isUniqueViolation(e) && input.deviceCode === undefined && attempt < 5) continue;
      if (isUniqueViolation(e)) throw new AccountError('DEVICE_CODE_TAKEN');
      throw e;
    }
  }
}

async function redeemOnce(tx: SqlRunner, input: Redemption): Promise<DeviceEnrolled> {
  const deviceId = input.deviceId ?? ulid();
  // SY43: a used code works again only for the device that used it (and SY41 still asks its proof).
  const [enrolment] = await tx.query<{ fair_id: string; role: DeviceRole }>(
    `update enrolments set used_at = coalesce(used_at, now()), device_id = coalesce(device_id, $2)
     where code_hash = $1 and expires_at > now() and (used_at is null or device_id = $2) returning fair_id, role`,
    [hashSecret(input.code), deviceId],
  );
  if (enrolment === undefined) throw new AccountError('ENROLMENT_INVALID');
  const refused = await proveDevice(tx, { deviceId, claimed: input.deviceId !== undefined, code: input.code, proof: input.proof });
  if (refused !== undefined) throw new AccountError(refused);
  const fairId = enrolment.fair_id;
  const [existing] = await tx.query<{ code: string; role: DeviceRole; revoked_at: unknown }>(
    'select code, role, revoked_at from devices where id = $1 and fair_id = $2 for update',
    [deviceId, fairId],
  );
  let deviceCode: string;
  let role = enrolment.role;
  if (existing !== undefined) {
    if (existing.revoked_at !== null) throw new AccountError('DEVICE_REVOKED');
    deviceCode = existing.code;
    role = existing.role;
    await tx.query('update devices set name = $1 where id = $2 and fair_id = $3', [input.deviceName, deviceId, fairId]);
  } else {
    // CN1, SY31–SY33: device-codes.ts.
    const picked = await pickDeviceCode(tx, fairId, deviceId, input.deviceCode);
    if (picked === undefined) throw new AccountError('DEVICE_CODE_TAKEN');
    deviceCode = picked;
    await tx.query('insert into devices (id, fair_id, code, name, role) values ($1, $2, $3, $4, $5)', [deviceId, fairId, deviceCode, input.deviceName, role]);
  }
  await tx.query('insert into device_acks (device_id) values ($1) on conflict (device_id) do nothing', [deviceId]);
  const [ack] = await tx.query<{ acked_seq: unknown }>('select acked_seq from device_acks where device_id = $1', [deviceId]);
  const ackedSeq = num(ack?.acked_seq);
  const token = newToken();
  await tx.query('insert into tokens (hash, device_id, fair_id, role) values ($1, $2, $3, $4)', [hashSecret(token), deviceId, fairId, role]);
  await audit(tx, { userId: null, name: input.deviceName, address: input.address ?? 'unknown' }, 'enrolment_redeemed', `device:${deviceId}`, {
    fairId, deviceCode, enrolment: hashSecret(input.code).slice(0, 16),
  }, input.nowMs ?? Date.now());
  return { type: 'device-enrolled', deviceId, deviceCode, fairId, role, token, expectedSeq: ackedSeq + 1 } as DeviceEnrolled;
}

/** A lost tablet: its device rows (every fair, or one) and all its tokens stop working at once. */
export async function revokeDevice(db: SqlClient, deviceId: string, fairId?: string): Promise<number> {
  return db.transaction((tx) => revokeIn(tx, deviceId, fairId));
}

/** The revocation's two updates, inside the caller's transaction (the console's adds its reason, CO14). */
export async function revokeIn(tx: SqlRunner, deviceId: string, fairId?: string, nowMs?: number): Promise<number> {
  const at = nowMs === undefined ? null : new Date(nowMs).toISOString();
  const rows = await tx.query(
    `update devices set revoked_at = coalesce($3::timestamptz, now()) where id = $1 and ($2::text is null or fair_id = $2) and revoked_at is null returning id`,
    [deviceId, fairId ?? null, at],
  );
  await tx.query(`update tokens set revoked_at = now() where device_id = $1 and ($2::text is null or fair_id = $2) and revoked_at is null`, [deviceId, fairId ?? null]);
  return rows.length;
}

export async function listDevices(db: SqlRunner, fairId: string): Promise<DeviceSummary[]> {
  const rows = await db.query<{ id: string; fair_id: string; code: string; name: string; role: DeviceRole; acked_seq: unknown; enrolled_at: unknown; revoked_at: unknown }>(
    `select d.id, d.fair_id, d.code, d.name, d.role, a.acked_seq, d.enrolled_at, d.revoked_at
     from devices d left join device_acks a on a.device_id = d.id where d.fair_id = $1 order by d.code`,
    [fairId],
  );
  const iso = (v: unknown): string => new Date(v as string).toISOString();
  return rows.map(
    (r) =>
      ({
        deviceId: r.id, fairId: r.fair_id, deviceCode: r.code, name: r.name, role: r.role, ackedSeq: num(r.acked_seq), enrolledAt: iso(r.enrolled_at),
        ...(r.revoked_at === null ? {} : { revokedAt: iso(r.revoked_at) }),
      }) as DeviceSummary,
  );
}

/**
 * BN13: the stored hashes of a device's live tokens in a fair. A bundle is genuine when one of
 * them, as an HMAC key, made its signature (src/domain/wire/bundle-signature.ts).
 */
export async function liveTokenHashes(db: SqlRunner, deviceId: string, fairId: string): Promise<string[]> {
  const rows = await db.query<{ hash: string }>(
    'select hash from tokens where device_id = $1 and fair_id = $2 and revoked_at is null',
    [deviceId, fairId],
  );
  return rows.map((r) => r.hash);
}
