import { randomInt } from 'node:crypto';
import type { SqlClient, SqlRunner } from './sql';

/**
 * Which device codes the server may still hand out in a fair (CN1, SY30–SY33). A code is spent
 * for good once any device used it: the `devices` row says so while the database remembers it;
 * `reserved_codes` keeps what the tablets report (their own codes and the ones they learned from
 * pulled case numbers, SY30), so a code survives in the database that a restore took back.
 * What no one has reported yet is kept apart by ranges (SY32): a restore-mark opens a range of
 * codes the restored database never used, and only that range is drawn from afterwards.
 */

/** The USCC alphabet (CN1): 31 characters, no I O S V Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The range before any restore: K01…K99, then three characters. */
const ORIGINAL_RANGE = '';

function* rangeCodes(range: string): Generator<string> {
  if (range === ORIGINAL_RANGE) {
    for (let i = 1; i < 100; i++) yield `K${String(i).padStart(2, '0')}`;
    for (const a of ALPHABET) for (const b of ALPHABET) for (const c of ALPHABET) yield `${a}${b}${c}`;
    return;
  }
  // SY32: a range after a restore is a two-character prefix of four-character codes, which the
  // original range (three characters) never holds.
  for (const a of ALPHABET) for (const b of ALPHABET) yield `${range}${a}${b}`;
}

/** Codes of one fair are picked and reserved one transaction at a time (any instance). */
async function lockFair(tx: SqlRunner, fairId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('faircase-device-codes|' || $1))`, [fairId]);
}

async function currentRange(tx: SqlRunner): Promise<string> {
  const [row] = await tx.query<{ value: string }>(`select value from server_meta where key = 'code_range'`);
  return row?.value ?? ORIGINAL_RANGE;
}

/**
 * The code a device gets when it enrols in a fair without a devices row (SY31–SY33), or
 * `undefined` when none may be given (the desk's choice is taken before any restore: CN1
 * refuses it). Runs inside the enrolment's transaction; the code is reserved for the device
 * there too, so two instances never hand it out twice.
 */
export async function pickDeviceCode(tx: SqlRunner, fairId: string, deviceId: string, proposed: string | undefined): Promise<string | undefined> {
  await lockFair(tx, fairId);
  const rows = await tx.query<{ code: string; device_id: string }>(
    `select code, id as device_id from devices where fair_id = $1
     union all select code, device_id from reserved_codes where fair_id = $1`,
    [fairId],
  );
  const others = new Set(rows.filter((r) => r.device_id !== deviceId).map((r) => r.code));
  const own = [...new Set(rows.filter((r) => r.device_id === deviceId && !others.has(r.code)).map((r) => r.code))].sort();
  const range = await currentRange(tx);
  let code: string | undefined;
  if (proposed !== undefined && !others.has(proposed) && (range === ORIGINAL_RANGE || own.includes(proposed))) code = proposed;
  else if (proposed !== undefined && range === ORIGINAL_RANGE) return undefined;
  // SY33: a device others reported gets its own code back; else the open range's first free one.
  else code = own[0] ?? first(rangeCodes(range), (c) => !others.has(c));
  if (code === undefined) return undefined;
  await tx.query('insert into reserved_codes (fair_id, code, device_id) values ($1, $2, $3) on conflict do nothing', [fairId, code, deviceId]);
  return code;
}

function first(codes: Iterable<string>, ok: (c: string) => boolean): string | undefined {
  for (const c of codes) if (ok(c)) return c;
  return undefined;
}

/** SY30: device codes a tablet reported for its fair; a pair already known changes nothing. */
export async function reserveCodes(db: SqlClient, fairId: string, codes: readonly { readonly deviceId: string; readonly code: string }[]): Promise<void> {
  if (codes.length === 0) return;
  await db.transaction(async (tx) => {
    await lockFair(tx, fairId);
    await tx.query(
      `insert into reserved_codes (fair_id, code, device_id)
       select $1, r.code, r.device_id from jsonb_to_recordset($2::text::jsonb) as r(code text, device_id text)
       on conflict do nothing`,
      [fairId, JSON.stringify(codes.map((c) => ({ code: c.code, device_id: c.deviceId })))],
    );
  });
}

/**
 * SY32: the restore-mark's part. Opens a range the restored database never used (every range
 * opened is remembered in it), chosen at random so that two restores of one backup very
 * likely open different ones. Returns the range's prefix.
 */
export async function openFreshCodeRange(tx: SqlRunner): Promise<string> {
  const used = new Set((await tx.query<{ prefix: string }>('select prefix from code_ranges')).map((r) => r.prefix));
  const free: string[] = [];
  for (const a of ALPHABET) for (const b of ALPHABET) if (!used.has(`${a}${b}`)) free.push(`${a}${b}`);
  const prefix = free[randomInt(free.length)];
  if (prefix === undefined) throw new Error('every device code range has been used');
  await tx.query('insert into code_ranges (prefix) values ($1)', [prefix]);
  await tx.query(`insert into server_meta (key, value) values ('code_range', $1) on conflict (key) do update set value = excluded.value`, [prefix]);
  return prefix;
}

/** Migration 0008: the tables, and every code the database already knows as reserved. */
export const DEVICE_CODES_SQL = `
  create table reserved_codes (
    fair_id text not null,
    code text not null,
    device_id text not null,
    reported_at timestamptz not null default now(),
    primary key (fair_id, code, device_id)
  );
  insert into reserved_codes (fair_id, code, device_id) select fair_id, code, id from devices;
  create table code_ranges (prefix text primary key, opened_at timestamptz not null default now());`;
