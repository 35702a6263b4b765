import { ulid } from 'ulidx';
import { canonicalJson } from '../../domain/canonical-json';
import { Fair } from '../../domain/fair';
import { reviseFairClauses } from '../../domain/commitment-templates';
import { compareHlc, tickHlc, type Hlc } from '../../domain/hlc';
import { instantFromMs, type Instant } from '../../domain/time';
import {
  itemsAtRisk, tabletState,
  type EnrolmentRow, type FairRow, type Person, type RegionScope, type TabletRevoked, type TabletRow, type AccountRole, type IssuedCode,
} from '../../domain/wire/console';
import { enrolmentLink } from '../../domain/wire/console';
import type { DeviceRole } from '../../domain/wire/accounts';
import { hashPassword } from '../auth/secrets';
import { createEnrolment, revokeIn } from '../storage/accounts-store';
import { currentRecords } from '../reports/current-records';
import { num, type SqlClient, type SqlRunner } from '../storage/sql';
import { audit, type Actor } from './audit';
import { writeServerItems } from './server-author';

const iso = (v: unknown): Instant => new Date(v as string).toISOString() as Instant;
const isoOrNull = (v: unknown): Instant | null => (v === null || v === undefined ? null : iso(v));

// ---------------------------------------------------------------------------------- people

type UserRow = { id: string; name: string; role: AccountRole; scope: unknown; created_at: unknown; disabled_at: unknown; last_sign_in_at: unknown };
const personOf = (r: UserRow): Person =>
  ({
    userId: r.id, name: r.name, role: r.role,
    scope: r.scope === null ? null : ((typeof r.scope === 'string' ? JSON.parse(r.scope) : r.scope) as RegionScope),
    createdAt: iso(r.created_at), disabledAt: isoOrNull(r.disabled_at), lastSignInAt: isoOrNull(r.last_sign_in_at),
  }) as Person;
const USER_COLUMNS = 'id, name, role, scope, created_at, disabled_at, last_sign_in_at';

export async function listPeople(db: SqlRunner): Promise<Person[]> {
  return (await db.query<UserRow>(`select ${USER_COLUMNS} from users order by name`)).map(personOf);
}

export async function createPerson(
  db: SqlClient,
  input: { name: string; password: string; role: AccountRole; scope?: RegionScope | undefined },
  actor: Actor,
  nowMs: number,
): Promise<Person | 'name-taken'> {
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<UserRow>(
      `insert into users (id, name, role, password_hash, scope, created_at) values ($1, $2, $3, $4, $5::text::jsonb, $6)
       on conflict (name) do nothing returning ${USER_COLUMNS}`,
      [ulid(), input.name, input.role, hash, input.scope === undefined ? null : JSON.stringify(input.scope), instantFromMs(nowMs)],
    );
    if (row === undefined) return 'name-taken';
    await audit(tx, actor, 'account_created', `user:${row.id}`, { name: input.name, role: input.role }, nowMs);
    return personOf(row);
  });
}

/** CO9: a disabled account cannot sign in; its console sessions and bearer tokens end with it. */
export async function setDisabled(db: SqlClient, userId: string, disabled: boolean, actor: Actor, nowMs: number): Promise<Person | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<UserRow>(
      `update users set disabled_at = case when $2 then coalesce(disabled_at, $3::timestamptz) else null end where id = $1 returning ${USER_COLUMNS}`,
      [userId, disabled, instantFromMs(nowMs)],
    );
    if (row === undefined) return undefined;
    if (disabled) {
      await tx.query('delete from console_sessions where user_id = $1', [userId]);
      await tx.query('update tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
    }
    await audit(tx, actor, disabled ? 'account_disabled' : 'account_enabled', `user:${userId}`, { name: row.name }, nowMs);
    return personOf(row);
  });
}

/** CO9: the organizer sets someone's password; every session and token of that account ends. */
export async function resetPassword(db: SqlClient, userId: string, password: string, actor: Actor, nowMs: number): Promise<number | undefined> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx.query('update users set password_hash = $2 where id = $1 returning id', [userId, hash]);
    if (row === undefined) return undefined;
    const ended = await tx.query('delete from console_sessions where user_id = $1 returning 1', [userId]);
    await tx.query('update tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
    await audit(tx, actor, 'password_reset', `user:${userId}`, { endedSessions: ended.length }, nowMs);
    return ended.length;
  });
}

// ---------------------------------------------------------------------------------- fairs

export async function listFairs(db: SqlRunner): Promise<FairRow[]> {
  const stats = await db.query<{ fair_id: string; cases: unknown; last_at: unknown; devices: unknown; revoked: unknown }>(
    `select f.fair_id,
       (select count(distinct entity_id) from items where fair_id = f.fair_id and kind = 'case_event') as cases,
       (select max(received_at) from items where fair_id = f.fair_id) as last_at,
       (select count(*) from devices d where d.fair_id = f.fair_id and d.id not in (select device_id from console_fair_authors)) as devices,
       (select count(*) from devices d where d.fair_id = f.fair_id and d.revoked_at is not null) as revoked
     from (select distinct fair_id from items where kind = 'fair') f order by f.fair_id`,
  );
  const rows: FairRow[] = [];
  for (const s of stats) {
    const [raw] = (await currentRecords<unknown>(db, s.fair_id, 'fair')).filter((f) => (f as { id?: unknown }).id === s.fair_id);
    const fair = Fair.safeParse(raw);
    if (!fair.success) continue;
    const f = fair.data;
    rows.push({
      fairId: f.id, code: f.code, nameZh: f.nameZh, ...(f.nameEn === undefined ? {} : { nameEn: f.nameEn }), sessionNo: f.sessionNo,
      firstDay: f.days[0]?.date ?? '', lastDay: f.days[f.days.length - 1]?.date ?? '',
      deviceCount: num(s.devices), revokedCount: num(s.revoked), caseCount: num(s.cases), lastActivityAt: isoOrNull(s.last_at), fair: f,
    } as FairRow);
  }
  return rows;
}

export async function currentFair(db: SqlRunner, fairId: string): Promise<Fair | undefined> {
  const [raw] = (await currentRecords<unknown>(db, fairId, 'fair')).filter((f) => (f as { id?: unknown }).id === fairId);
  const parsed = Fair.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * CO17: the console writes a fair as an item of the log (server-author.ts), so tablets take it
 * by pull like any other fair version. The stamp is ticked past every stored version of the
 * fair, so the save wins by the last-writer rule (SY20) over what tablets held when it was made.
 */
export async function saveFair(db: SqlClient, fair: Fair, mode: 'create' | 'edit', actor: Actor, nowMs: number): Promise<{ serverSeq: number; created: boolean } | 'exists' | 'missing'> {
  return db.transaction(async (tx) => {
    const existing = await currentFair(tx, fair.id);
    if (mode === 'edit' && existing === undefined) return 'missing';
    // CM10: the wording's version follows the stored fair, never the number the form carried.
    const clauses = reviseFairClauses(existing?.settings.commitmentClauses, fair.settings.commitmentClauses);
    if (clauses !== undefined) fair = { ...fair, settings: { ...fair.settings, commitmentClauses: clauses } };
    if (mode === 'create' && existing !== undefined) {
      if (canonicalJson(existing) !== canonicalJson(fair)) return 'exists';
      const [row] = await tx.query<{ server_seq: unknown }>(`select max(server_seq) as server_seq from items where fair_id = $1 and kind = 'fair' and entity_id = $1`, [fair.id]);
      return { serverSeq: num(row?.server_seq), created: false };
    }
    const written = await writeServerItems(tx, fair.id, async (deviceId) => {
      const [last] = await tx.query<{ hlc: string | null }>(`select max(hlc) as hlc from items where fair_id = $1 and kind = 'fair'`, [fair.id]);
      const prior = last?.hlc === null || last === undefined ? undefined : (last.hlc as Hlc);
      const hlc = tickHlc(prior, nowMs, deviceId);
      if (prior !== undefined && compareHlc(hlc, prior) <= 0) throw new Error('fair stamp did not advance');
      return [{ kind: 'fair', entityId: fair.id, payload: fair, hlc }];
    }, {
      actor, action: mode === 'create' ? 'fair_created' : 'fair_edited', target: `fair:${fair.id}`,
      details: (items) => ({ code: fair.code, sessionNo: fair.sessionNo, itemId: items[0]?.id ?? null }),
    }, nowMs);
    return { serverSeq: written.firstServerSeq, created: mode === 'create' };
  });
}

// ---------------------------------------------------------------------------------- tablets

export async function tablets(db: SqlRunner, fairId: string, thresholds: { behind: number; silent: number }, nowMs: number): Promise<TabletRow[]> {
  const rows = await db.query<{
    id: string; code: string; name: string; role: DeviceRole; enrolled_at: unknown; revoked_at: unknown; last_seen_at: unknown; acked_seq: unknown;
    by_id: string | null; by_name: string | null; app_version: string | null; outbox_count: unknown; last_error: string | null; acked_seq_then: unknown;
    reported_at: unknown; offset_ms: unknown; rv_by: string | null; rv_by_name: string | null; rv_reason: string | null; rv_at: unknown;
  }>(
    `select d.id, d.code, d.name, d.role, d.enrolled_at, d.revoked_at, ls.last_seen_at, coalesce(a.acked_seq, 0) as acked_seq,
       e.created_by as by_id, eu.name as by_name,
       s.app_version, s.outbox_count, s.last_error, s.acked_seq_then, s.reported_at, c.offset_ms,
       r.revoked_by as rv_by, ru.name as rv_by_name, r.reason as rv_reason, r.revoked_at as rv_at
     from devices d
     left join device_acks a on a.device_id = d.id
     left join device_last_seen ls on ls.device_id = d.id and ls.fair_id = d.fair_id
     left join lateral (select created_by from enrolments where device_id = d.id and fair_id = d.fair_id order by used_at limit 1) e on true
     left join users eu on eu.id = e.created_by
     left join device_status s on s.device_id = d.id and s.fair_id = d.fair_id
     left join device_clock_reports c on c.device_id = d.id and c.fair_id = d.fair_id
     left join device_revocations r on r.device_id = d.id and r.fair_id = d.fair_id
     left join users ru on ru.id = r.revoked_by
     where d.fair_id = $1 and d.id not in (select device_id from console_fair_authors)
     order by d.code`,
    [fairId],
  );
  const now = instantFromMs(nowMs);
  return rows.map((r) => {
    const revokedAt = isoOrNull(r.revoked_at);
    const reported = r.reported_at === null
      ? null
      : { at: iso(r.reported_at), appVersion: r.app_version, outboxCount: num(r.outbox_count), lastError: r.last_error, ackedSeqThen: num(r.acked_seq_then) };
    const ackedSeq = num(r.acked_seq);
    return {
      deviceId: r.id, deviceCode: r.code, name: r.name, role: r.role, enrolledAt: iso(r.enrolled_at),
      enrolledBy: r.by_id === null ? null : { userId: r.by_id, name: r.by_name ?? '' },
      lastSeenAt: isoOrNull(r.last_seen_at), serverHasThroughSeq: ackedSeq, reported,
      clockOffsetMs: r.offset_ms === null ? null : num(r.offset_ms),
      state: tabletState({ revokedAt, enrolledAt: iso(r.enrolled_at), lastSeenAt: isoOrNull(r.last_seen_at), reportedAt: reported?.at ?? null, outboxCount: reported?.outboxCount ?? null }, thresholds, now),
      revocation: revokedAt === null ? null : { at: isoOrNull(r.rv_at) ?? revokedAt, by: r.rv_by === null ? null : { userId: r.rv_by, name: r.rv_by_name ?? '' }, reason: r.rv_reason ?? '' },
      itemsAtRisk: revokedAt === null ? null : reported === null ? 0 : itemsAtRisk(reported.outboxCount, reported.ackedSeqThen, ackedSeq),
    } as TabletRow;
  });
}

/** CO11: what the tablet said with a push, kept per device and fair, with the acknowledgement it had then. */
export async function reportStatus(db: SqlRunner, deviceId: string, fairId: string, status: { appVersion: string; outboxCount: number; lastError: string | null }, ackedSeqThen: number, nowMs: number): Promise<void> {
  await db.query(
    `insert into device_status (device_id, fair_id, app_version, outbox_count, last_error, acked_seq_then, reported_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (device_id, fair_id) do update set app_version = excluded.app_version, outbox_count = excluded.outbox_count,
       last_error = excluded.last_error, acked_seq_then = excluded.acked_seq_then, reported_at = excluded.reported_at`,
    [deviceId, fairId, status.appVersion, status.outboxCount, status.lastError, ackedSeqThen, instantFromMs(nowMs)],
  );
}

/** CO11: any authenticated request of a tablet; written at most once a minute per device. */
export async function markSeen(db: SqlRunner, deviceId: string, fairId: string, nowMs: number): Promise<void> {
  await db.query(
    `insert into device_last_seen (device_id, fair_id, last_seen_at) values ($1, $2, $3)
     on conflict (device_id, fair_id) do update set last_seen_at = excluded.last_seen_at
     where device_last_seen.last_seen_at < excluded.last_seen_at - interval '1 minute' or device_last_seen.last_seen_at > excluded.last_seen_at`,
    [deviceId, fairId, instantFromMs(nowMs)],
  );
}

/**
 * CO14: the first revocation of a tablet stops its tokens on every instance (revokeIn, the
 * same updates as the existing route) and keeps who, when and why; a second one, racing or
 * later, changes nothing and answers the first one's facts. The device row is locked first, so
 * two organizers take turns.
 */
export async function revokeTablet(db: SqlClient, fairId: string, deviceId: string, reason: string, actor: Actor, nowMs: number): Promise<TabletRevoked | undefined> {
  return db.transaction(async (tx) => {
    const [device] = await tx.query<{ revoked_at: unknown }>(
      'select revoked_at from devices where id = $1 and fair_id = $2 and id not in (select device_id from console_fair_authors) for update',
      [deviceId, fairId],
    );
    if (device === undefined) return undefined;
    if (device.revoked_at === null) {
      await revokeIn(tx, deviceId, fairId, nowMs);
      await tx.query('insert into device_revocations (device_id, fair_id, revoked_by, reason, revoked_at) values ($1, $2, $3, $4, $5)', [
        deviceId, fairId, actor.userId, reason, instantFromMs(nowMs),
      ]);
      await audit(tx, actor, 'device_revoked', `device:${deviceId}`, { fairId, reason }, nowMs);
      return { type: 'tablet-revoked', deviceId, already: false, at: instantFromMs(nowMs), by: actor.userId === null ? null : { userId: actor.userId, name: actor.name ?? '' }, reason } as TabletRevoked;
    }
    const [first] = await tx.query<{ revoked_by: string | null; name: string | null; reason: string; revoked_at: unknown }>(
      'select r.revoked_by, u.name, r.reason, r.revoked_at from device_revocations r left join users u on u.id = r.revoked_by where r.device_id = $1 and r.fair_id = $2',
      [deviceId, fairId],
    );
    return {
      type: 'tablet-revoked', deviceId, already: true, at: iso(first?.revoked_at ?? device.revoked_at),
      by: first?.revoked_by == null ? null : { userId: first.revoked_by, name: first.name ?? '' }, reason: first?.reason ?? '',
    } as TabletRevoked;
  });
}

// ---------------------------------------------------------------------------------- enrolment codes

/** CO15: a batch of one-time codes, each with its link for the tablet's scanner, and one audit row each. */
export async function issueCodes(db: SqlClient, fairId: string, input: { role: DeviceRole; ttlMinutes: number; count: number }, origin: string, actor: Actor & { userId: string }, nowMs: number): Promise<IssuedCode[]> {
  return db.transaction(async (tx) => {
    const out: IssuedCode[] = [];
    for (let i = 0; i < input.count; i++) {
      const { code, expiresAt } = await createEnrolment(tx, actor.userId, { fairId, role: input.role, ttlMinutes: input.ttlMinutes }, nowMs);
      const [row] = await tx.query<{ id: string }>(`update enrolments set created_at = $2 where code_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') returning left(code_hash, 16) as id`, [code, instantFromMs(nowMs)]);
      const id = row?.id ?? '';
      await audit(tx, actor, 'enrolment_created', `enrolment:${id}`, { fairId, role: input.role, expiresAt }, nowMs);
      out.push({ id, code, link: enrolmentLink(origin, code), role: input.role, expiresAt } as IssuedCode);
    }
    return out;
  });
}

export async function listCodes(db: SqlRunner, fairId: string, nowMs: number): Promise<EnrolmentRow[]> {
  const rows = await db.query<{ id: string; role: DeviceRole; created_at: unknown; created_by: string; by_name: string | null; expires_at: unknown; used_at: unknown; device_id: string | null; code: string | null }>(
    `select left(e.code_hash, 16) as id, e.role, e.created_at, e.created_by, u.name as by_name, e.expires_at, e.used_at, e.device_id, d.code
     from enrolments e left join users u on u.id = e.created_by left join devices d on d.id = e.device_id and d.fair_id = e.fair_id
     where e.fair_id = $1 order by e.created_at desc, e.code_hash`,
    [fairId],
  );
  return rows.map((r) => ({
    id: r.id, role: r.role, createdAt: iso(r.created_at), createdBy: { userId: r.created_by, name: r.by_name ?? '' }, expiresAt: iso(r.expires_at),
    status: r.used_at !== null && r.device_id !== null
      ? { kind: 'used', at: iso(r.used_at), deviceId: r.device_id, deviceCode: r.code }
      : new Date(r.expires_at as string).getTime() <= nowMs ? { kind: 'expired' } : { kind: 'unused' },
  }) as EnrolmentRow);
}
