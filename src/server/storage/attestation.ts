import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { SqlRunner } from './sql';

/**
 * The server's attestation of a stored item (SY35): HMAC-SHA256, keyed with a secret that only
 * the database holds, over the item's place in its device's chain. A tablet keeps it with every
 * item it pulls; after a restore it offers the items the server lost, and the server takes only
 * those it attested itself (SY37). The chain hash in the message binds the item to the stored
 * item before it, so an attested item can only extend its device's chain where it once stood.
 *
 * The key lives in `server_meta` (made once by migration 0009): a backup carries it, so the
 * attestations tablets hold still verify on the restored database.
 */
export const ATTEST_KEY = 'attest_key';

/** Ids are ULIDs and hashes hex, so a newline never occurs inside a field. */
const TAG = 'faircase-attest-1';

export interface AttestedFields {
  readonly fairId: string;
  readonly deviceId: string;
  readonly seq: number;
  readonly id: string;
  /** content-hash.ts of the item. */
  readonly contentHash: string;
  /** event-chain.ts: the chain hash stored with the item. */
  readonly chainHash: string;
}

const message = (f: AttestedFields): string => [TAG, f.fairId, f.deviceId, String(f.seq), f.id, f.contentHash, f.chainHash].join('\n');

/** The attestation (hex) of an item with the key `keyHex`. */
export const attest = (keyHex: string, fields: AttestedFields): string => attester(keyHex)(fields);

/**
 * `attest` with one key for a whole batch: the key is imported once, not once per item (the push
 * attests every item it stores, budget P4).
 */
export function attester(keyHex: string): (fields: AttestedFields) => string {
  const key = createSecretKey(Buffer.from(keyHex, 'hex'));
  return (fields) => createHmac('sha256', key).update(message(fields)).digest('hex');
}

/** True when `attestation` is the one this key gives these fields (constant time). */
export function verifyAttestation(keyHex: string, fields: AttestedFields, attestation: string): boolean {
  const expected = Buffer.from(attest(keyHex, fields), 'hex');
  const given = Buffer.from(attestation, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The key, or an error: every migrated database has one. */
export async function attestKey(db: SqlRunner): Promise<string> {
  const [row] = await db.query<{ value: string }>(`select value from server_meta where key = '${ATTEST_KEY}'`);
  if (row === undefined) throw new Error('database not migrated: no attestation key');
  return row.value;
}

/**
 * Migration 0009: the key, the column, and the attestation of every item stored before it,
 * computed in SQL with the same message (`faircase_hmac_sha256` is HMAC-SHA256 from PostgreSQL's
 * `sha256`, which both PGlite and PostgreSQL have; test/server/relay.test.ts compares it with
 * `attest`). The append-only trigger is lifted for the one backfill, inside the migration's
 * transaction.
 */
export const ATTESTATION_MIGRATION_SQL = (secret: string): string => {
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error('attestation key: 32 bytes, hex');
  return `
    insert into server_meta (key, value) values ('${ATTEST_KEY}', '${secret}');
    alter table items add column attestation text;
    create function faircase_hmac_sha256(k_in bytea, msg bytea) returns text language plpgsql immutable as $$
    declare
      k bytea := k_in || decode(repeat('00', 64 - length(k_in)), 'hex');
      inner_key bytea := k;
      outer_key bytea := k;
    begin
      for i in 0..63 loop
        inner_key := set_byte(inner_key, i, get_byte(k, i) # 54);
        outer_key := set_byte(outer_key, i, get_byte(k, i) # 92);
      end loop;
      return encode(sha256(outer_key || sha256(inner_key || msg)), 'hex');
    end $$;
    alter table items disable trigger items_append_only;
    update items set attestation = faircase_hmac_sha256(decode('${secret}', 'hex'), convert_to(
      '${TAG}' || chr(10) || fair_id || chr(10) || device_id || chr(10) || seq::text || chr(10) || id || chr(10) || content_hash || chr(10) || chain_hash, 'UTF8'))
    where chain_hash is not null;
    alter table items enable trigger items_append_only;`;
};
