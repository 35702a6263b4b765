import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { SqlRunner } from '../storage/sql';

/**
 * AR14: the server's Ed25519 key pair for its summary files, made at the first export and kept
 * in the database, so every instance on it signs with the same key. Public keys travel as the
 * raw 32 bytes in hex (AR7); a key is shown as the SHA-256 of those bytes, in groups of four.
 */
export interface SigningKey {
  readonly publicKey: string;
  readonly privateKeyDer: string;
}

export async function serverSigningKey(db: SqlRunner): Promise<SigningKey> {
  const [row] = await db.query<{ public_key: string; private_key: string }>('select public_key, private_key from server_signing_key where id = 1');
  if (row !== undefined) return { publicKey: row.public_key, privateKeyDer: row.private_key };
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('hex');
  // Two instances making the first key at once: the first insert wins, both read it back.
  await db.query('insert into server_signing_key (id, public_key, private_key) values (1, $1, $2) on conflict (id) do nothing', [raw, der]);
  const [kept] = await db.query<{ public_key: string; private_key: string }>('select public_key, private_key from server_signing_key where id = 1');
  if (kept === undefined) throw new Error('the signing key was not kept');
  return { publicKey: kept.public_key, privateKeyDer: kept.private_key };
}

export const signText = (key: SigningKey, text: string): string =>
  sign(null, Buffer.from(text, 'utf8'), createPrivateKey({ key: Buffer.from(key.privateKeyDer, 'hex'), format: 'der', type: 'pkcs8' })).toString('hex');

export function verifyText(publicKeyHex: string, text: string, signatureHex: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') }, format: 'jwk' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

/** AR14: what a person compares when adding a sender's key: SHA-256 of its raw bytes, `ab12 cd34 …`. */
export const fingerprint = (publicKeyHex: string): string =>
  (createHash('sha256').update(Buffer.from(publicKeyHex, 'hex')).digest('hex').match(/.{4}/g) ?? []).join(' ');
