import type { SqlRunner } from './sql';
import { num } from './sql';

/**
 * Evidence files by SHA-256, in the database so that every instance sees every file. The HTTP
 * layer verifies the hash before calling `putBlob`; storing is idempotent.
 */
export async function putBlob(db: SqlRunner, sha256: string, data: Uint8Array): Promise<{ created: boolean }> {
  const rows = await db.query('insert into blobs (sha256, size, data) values ($1, $2, $3) on conflict (sha256) do nothing returning sha256', [
    sha256, data.byteLength, data,
  ]);
  return { created: rows.length > 0 };
}

export async function blobSize(db: SqlRunner, sha256: string): Promise<number | undefined> {
  const [row] = await db.query<{ size: unknown }>('select size from blobs where sha256 = $1', [sha256]);
  return row === undefined ? undefined : num(row.size);
}

export async function getBlob(db: SqlRunner, sha256: string): Promise<Uint8Array | undefined> {
  const [row] = await db.query<{ data: Uint8Array }>('select data from blobs where sha256 = $1', [sha256]);
  return row?.data;
}
