import { DevicePublicKey, enrolProofMessage, type DeviceProof } from '../../domain/wire/accounts';
import type { ErrorCode } from '../../domain/wire/protocol';
import { verifyDeviceProof } from '../auth/device-proof';
import type { SqlRunner } from './sql';

export interface IdentityClaim {
  readonly deviceId: string;
  /** False when the server made the id for this redemption: nobody else can have it. */
  readonly claimed: boolean;
  readonly code: string;
  readonly proof?: DeviceProof | undefined;
}

/**
 * SY41, SY44: may this redemption act as `deviceId`? Inside the redemption's transaction; a
 * refusal code means the caller must get no token, so the transaction is rolled back. The first
 * proven claim of an unknown id keeps its public key; every later one is checked against it.
 */
export async function proveDevice(tx: SqlRunner, claim: IdentityClaim): Promise<ErrorCode | undefined> {
  // SY44: a server-made id has no key; it is a new device each time and never re-enrolled.
  if (!claim.claimed) return undefined;
  if (claim.proof === undefined) return 'DEVICE_PROOF_REQUIRED';
  const message = enrolProofMessage(claim.code, claim.deviceId);
  let held = await heldKey(tx, claim.deviceId);
  if (held === undefined) {
    // SY44: a device enrolled before keys existed cannot prove it is itself, so nobody can.
    if (await knownDevice(tx, claim.deviceId)) return 'DEVICE_PROOF_INVALID';
    // Proof of possession: nobody registers a key whose private half they do not hold.
    if (!(await verifyDeviceProof(claim.proof.publicKey, claim.proof.signature, message))) return 'DEVICE_PROOF_INVALID';
    const kept = await tx.query('insert into device_keys (device_id, public_key) values ($1, $2::jsonb) on conflict (device_id) do nothing returning device_id', [
      claim.deviceId, JSON.stringify(claim.proof.publicKey),
    ]);
    if (kept.length > 0) return undefined;
    // Another redemption claimed this id at the same moment and committed first: prove against its key.
    held = await heldKey(tx, claim.deviceId);
    if (held === undefined) return 'DEVICE_PROOF_INVALID';
  }
  return (await verifyDeviceProof(held, claim.proof.signature, message)) ? undefined : 'DEVICE_PROOF_INVALID';
}

async function heldKey(tx: SqlRunner, deviceId: string): Promise<DevicePublicKey | undefined> {
  const [row] = await tx.query<{ public_key: unknown }>('select public_key from device_keys where device_id = $1', [deviceId]);
  if (row === undefined) return undefined;
  const raw = typeof row.public_key === 'string' ? (JSON.parse(row.public_key) as unknown) : row.public_key;
  const key = DevicePublicKey.safeParse(raw);
  return key.success ? key.data : undefined;
}

/** Whether the id already belongs to a device: enrolled in some fair, or numbering items here. */
async function knownDevice(tx: SqlRunner, deviceId: string): Promise<boolean> {
  const rows = await tx.query(
    `select 1 from devices where id = $1
     union all select 1 from device_acks where device_id = $1
     union all (select 1 from items where device_id = $1 limit 1)
     limit 1`,
    [deviceId],
  );
  return rows.length > 0;
}
