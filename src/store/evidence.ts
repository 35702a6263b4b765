import { z } from 'zod';
import { Evidence, EvidenceKind, MAX_EVIDENCE_BYTES } from '../domain/evidence';
import type { Sha256Hex } from '../domain/evidence';
import { fieldErrors } from '../domain/field-errors';
import { CaseId, FairId, UserId } from '../domain/ids';
import type { EvidenceId } from '../domain/ids';
import { err } from '../domain/result';
import { Instant } from '../domain/time';
import { getDb } from './db';
import { newId } from './ids';
import { StoreFailure, invalid, parseInput, toStorageError } from './result';
import type { StoreResult } from './result';
import { runWrite } from './transaction';
import { appendItem, logState } from './local-log';

/**
 * Evidence (EN13): the file is stored once under its SHA-256 (table `blobs`), and each
 * capture gets its own record, the chain of custody: what, when, by whom, on which device. The
 * record travels as an `evidence_meta` item; the blob itself goes up separately (not an item).
 * Downscaling photos to ≤ 1600 px is the app's job, before `storeEvidence`; a phone's photo is
 * stored as the phone listed it (PI9).
 */

/** A stored file: one row per distinct content. */
export interface BlobRow {
  readonly sha256: Sha256Hex;
  readonly blob: Blob;
  readonly mime: string;
  readonly bytes: number;
}

/** The domain record plus its fair, for the per-fair lists and sync. */
export type EvidenceRow = Evidence & { readonly fairId: FairId };

export const EvidenceMeta = z.object({
  kind: EvidenceKind,
  mime: z.string(),
  capturedAt: Instant,
  capturedBy: UserId.optional(),
  caseId: CaseId.optional(),
  fairId: FairId,
});
export type EvidenceMeta = z.input<typeof EvidenceMeta>;

const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of the bytes as lower-case hex (WebCrypto). */
export async function sha256Of(data: Blob | ArrayBuffer): Promise<Sha256Hex> {
  const buf = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
  return hex(await crypto.subtle.digest('SHA-256', buf)) as Sha256Hex;
}

const fromRow = ({ fairId: _f, ...e }: EvidenceRow): Evidence => e;

/**
 * Hashes the file, stores it unless the same content is already there, and records the capture
 * with its `evidence_meta` item, in one transaction. Nothing lands when any part fails.
 */
export async function storeEvidence(blob: Blob, meta: EvidenceMeta, now: Instant): Promise<StoreResult<Evidence>> {
  const parsedMeta = parseInput(EvidenceMeta, meta);
  if (!parsedMeta.ok) return parsedMeta;
  const m = parsedMeta.value;
  if (blob.size > MAX_EVIDENCE_BYTES) return err(invalid([{ field: 'bytes', code: 'TOO_BIG', params: { max: MAX_EVIDENCE_BYTES, inclusive: true } }]));
  // Hashed before the transaction: awaiting WebCrypto inside it would let IndexedDB commit it.
  let sha256: Sha256Hex;
  try {
    sha256 = await sha256Of(blob);
  } catch (e) {
    return err(toStorageError(e));
  }
  const id = newId() as EvidenceId;
  return runWrite(
    ['blobs', 'evidence'],
    async (db) => {
      const { deviceId } = await logState(db);
      // Until someone signs in, the device itself is the one who captured it.
      const candidate = { id, caseId: m.caseId, kind: m.kind, sha256, mime: m.mime, bytes: blob.size, capturedAt: m.capturedAt, capturedBy: m.capturedBy ?? deviceId, deviceId };
      const parsed = Evidence.safeParse(candidate);
      if (!parsed.success) throw new StoreFailure(invalid(fieldErrors(parsed.error, candidate)));
      const record = parsed.data;
      const known = await db.blobs.get(sha256);
      await Promise.all([
        known === undefined ? db.blobs.add({ sha256, blob, mime: record.mime, bytes: blob.size }) : undefined,
        db.evidence.add({ ...record, fairId: m.fairId }),
        appendItem(db, { kind: 'evidence_meta', entityId: id, fairId: m.fairId, payload: record }, now),
      ]);
      return record;
    },
    { now },
  );
}

export async function getEvidence(id: EvidenceId | string): Promise<Evidence | undefined> {
  const row = await getDb().evidence.get(id);
  return row === undefined ? undefined : fromRow(row);
}

/** The file of a hash, with the stored media type. */
export async function getBlob(sha256: Sha256Hex | string): Promise<Blob | undefined> {
  return (await getDb().blobs.get(sha256.toLowerCase()))?.blob;
}

/** Several records at once (a case's photos), in the order asked; unknown ids are left out. */
export async function getEvidenceList(ids: readonly (EvidenceId | string)[]): Promise<Evidence[]> {
  const rows = await getDb().evidence.bulkGet([...ids]);
  return rows.filter((r): r is EvidenceRow => r !== undefined).map(fromRow);
}

/** Evidence recorded with this case id, by capture time. */
export async function listCaseEvidence(caseId: CaseId | string): Promise<Evidence[]> {
  const rows = await getDb().evidence.where('caseId').equals(caseId).sortBy('capturedAt');
  return rows.map(fromRow);
}
