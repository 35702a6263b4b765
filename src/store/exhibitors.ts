import { exhibitorSchemaFor } from '../domain/exhibitor';
import type { Exhibitor } from '../domain/exhibitor';
import { boothKey, type Booth } from '../domain/validators/booth';
import { fieldErrors } from '../domain/field-errors';
import type { ExhibitorInput } from '../domain/exhibitor';
import type { FieldError } from '../domain/field-errors';
import type { Fair } from '../domain/fair';
import type { DeviceId, ExhibitorId, FairId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { pickLatest, supersedes } from '../domain/last-writer-wins';
import { getDb } from './db';
import type { ExhibitorRow, FairCaseDb } from './db';
import { newId } from './ids';
import { StoreFailure, invalid } from './result';
import type { StoreResult } from './result';
import { knownVersion } from './versions';
import { fail, runWrite } from './transaction';
import { appendItems, logState } from './local-log';

/**
 * Exhibitors of one fair: imported from the organizer's list (all or nothing) or added and
 * edited by hand. A booth belongs to one exhibitor per fair.
 */

/**
 * What a form or an import row supplies. The store fills `fairId`, `deviceId` and, for a new
 * exhibitor, `id`, `createdAt` and `createdBy`; an edit keeps the original `createdAt`/`createdBy`.
 */
export type ExhibitorFields = Omit<ExhibitorInput, 'id' | 'fairId' | 'createdAt' | 'createdBy' | 'deviceId'> &
  Partial<Pick<ExhibitorInput, 'id' | 'fairId' | 'createdAt' | 'createdBy' | 'deviceId'>>;

/** Field error code of a booth given twice in one import or already taken in the fair. */
export const DUPLICATE_BOOTH = 'DUPLICATE_BOOTH';

const SEP = '|';
const boothIndexKey = (fairId: string, key: string): string => `${fairId}${SEP}${key}`;

/** The stored row: the exhibitor with its booth index keys (one derivation for every writer). */
export function exhibitorRow(e: Exhibitor): ExhibitorRow {
  return { ...e, boothKeys: e.booths.map((b) => boothIndexKey(e.fairId, boothKey(b))) };
}

function fromRow({ boothKeys: _b, search: _s, applied: _a, ...e }: ExhibitorRow): Exhibitor {
  return e;
}

const prefixed = (prefix: string, errors: readonly FieldError[]): FieldError[] =>
  errors.map((f) => ({ ...f, field: prefix === '' ? f.field : f.field === '' ? prefix : `${prefix}.${f.field}` }));

interface Author {
  readonly deviceId: DeviceId;
  readonly now: Instant;
}

/**
 * Parses one input into an exhibitor of `fair`, checking its booths against the fair's own
 * booth patterns (settings.booth, §3). Until sign-in exists the device itself is the author
 * (`createdBy` defaults to the device id).
 */
function parseExhibitor(
  fair: Fair,
  input: ExhibitorFields,
  author: Author,
  existing: Exhibitor | undefined,
): { ok: true; value: Exhibitor } | { ok: false; errors: FieldError[] } {
  const candidate = {
    ...input,
    id: existing?.id ?? input.id ?? newId(),
    fairId: fair.id,
    deviceId: author.deviceId,
    createdAt: existing?.createdAt ?? author.now,
    createdBy: existing?.createdBy ?? input.createdBy ?? author.deviceId,
  };
  // The fair's own schema: its booths are checked against settings.booth (§3) in one parse.
  const parsed = exhibitorSchemaFor(fair.settings.booth).safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error, candidate) };
}

async function fairOrFail(db: FairCaseDb, fairId: FairId | string): Promise<Fair> {
  const fair = await db.fairs.get(fairId);
  if (fair === undefined) fail('not-found', `fair ${fairId}`);
  return fair;
}

/**
 * Booth conflicts of `rows`: a booth given twice among them, or already held by an exhibitor of
 * the fair that is not the same record. `pathOf(i)` names row i in the field path.
 */
async function boothConflicts(db: FairCaseDb, rows: readonly ExhibitorRow[], pathOf: (i: number) => string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const holders = new Map<string, string>();
  const wanted = rows.flatMap((r) => r.boothKeys);
  for (const other of await db.exhibitors.where('boothKeys').anyOf(wanted).toArray()) {
    for (const k of other.boothKeys) holders.set(k, other.id);
  }
  const inBatch = new Map<string, number>();
  rows.forEach((row, i) => {
    row.boothKeys.forEach((k, j) => {
      const booth = k.slice(k.indexOf(SEP) + 1);
      const holder = holders.get(k);
      const earlier = inBatch.get(k);
      const field = `${pathOf(i)}booths.${j}`;
      if (holder !== undefined && holder !== row.id) errors.push({ field, code: DUPLICATE_BOOTH, params: { booth, in: 'fair' } });
      else if (earlier !== undefined) errors.push({ field, code: DUPLICATE_BOOTH, params: { booth, in: 'import', row: earlier } });
      inBatch.set(k, i);
    });
  });
  return errors;
}

/**
 * Imports a confirmed list in ONE transaction: every exhibitor with its item, or nothing. Any
 * bad row, or a booth given twice or already taken in this fair, refuses the whole import with
 * field errors prefixed by the row index (`3.booths.0`); bad rows are never dropped silently.
 */
export async function importExhibitors(
  fairId: FairId | string,
  exhibitors: readonly ExhibitorFields[],
  now: Instant,
): Promise<StoreResult<{ imported: number }>> {
  return runWrite(
    ['fairs', 'exhibitors'],
    async (db) => {
      const fair = await fairOrFail(db, fairId);
      const { deviceId } = await logState(db);
      const errors: FieldError[] = [];
      const parsed: Exhibitor[] = [];
      exhibitors.forEach((input, i) => {
        const r = parseExhibitor(fair, { ...input, id: newId() }, { deviceId, now }, undefined);
        if (r.ok) parsed.push(r.value);
        else errors.push(...prefixed(String(i), r.errors));
      });
      if (errors.length > 0) throw new StoreFailure(invalid(errors));
      const rows = parsed.map(exhibitorRow);
      const conflicts = await boothConflicts(db, rows, (i) => `${i}.`);
      if (conflicts.length > 0) throw new StoreFailure(invalid(conflicts));
      await db.exhibitors.bulkAdd(rows);
      await appendItems(
        db,
        parsed.map((e) => ({ kind: 'exhibitor', entityId: e.id, fairId: fair.id, payload: e })),
        now,
      );
      return { imported: rows.length };
    },
    { now },
  );
}

/**
 * Adds an exhibitor by hand, or edits one when `input.id` names an exhibitor of this fair. An
 * edit that loses to a version already here (SY23) is logged and synced, and the current
 * exhibitor is returned.
 */
export async function saveExhibitor(fairId: FairId | string, input: ExhibitorFields, now: Instant): Promise<StoreResult<Exhibitor>> {
  return runWrite(
    ['fairs', 'exhibitors'],
    async (db) => {
      const fair = await fairOrFail(db, fairId);
      const { deviceId } = await logState(db);
      const existingRow = input.id === undefined ? undefined : await db.exhibitors.get(input.id);
      if (existingRow !== undefined && existingRow.fairId !== fair.id) fail('not-found', `exhibitor ${existingRow.id} in fair ${fair.id}`);
      const existing = existingRow === undefined ? undefined : fromRow(existingRow);
      const r = parseExhibitor(fair, input, { deviceId, now }, existing);
      if (!r.ok) throw new StoreFailure(invalid(r.errors));
      const row = exhibitorRow(r.value);
      const conflicts = await boothConflicts(db, [row], () => '');
      if (conflicts.length > 0) throw new StoreFailure(invalid(conflicts));
      // SY22: the winner of the log's items and the version applied from another tablet (on the row, SY88).
      const known = pickLatest([await knownVersion(db, row.id), existingRow?.applied].flatMap((v) => v ?? []));
      const [item] = await appendItems(db, [{ kind: 'exhibitor', entityId: row.id, fairId: fair.id, payload: r.value }], now);
      // SY23: the edit is current here only if it wins, as on every other tablet and the server.
      if (item === undefined || !supersedes(item, known)) return existing ?? r.value;
      await db.exhibitors.put(row);
      return r.value;
    },
    { now },
  );
}

const byFirstBooth = (a: ExhibitorRow, b: ExhibitorRow): number => (a.boothKeys[0] ?? '').localeCompare(b.boothKeys[0] ?? '');

/** The fair's exhibitors, by first booth. */
export async function listExhibitors(fairId: FairId | string): Promise<Exhibitor[]> {
  const rows = await getDb().exhibitors.where('fairId').equals(fairId).toArray();
  return rows.sort(byFirstBooth).map(fromRow);
}

/** The exhibitor of the fair at `booth` (a booth is taken once per fair), by its index key. */
export async function findExhibitorAtBooth(fairId: FairId | string, booth: Booth): Promise<Exhibitor | undefined> {
  const row = await getDb().exhibitors.where('boothKeys').equals(boothIndexKey(fairId, boothKey(booth))).first();
  return row === undefined ? undefined : fromRow(row);
}

/** The fair's exhibitors whose Chinese or English name is exactly `name`, by first booth. */
export async function findExhibitorsNamed(fairId: FairId | string, name: string): Promise<Exhibitor[]> {
  const rows = await getDb().exhibitors.where('fairId').equals(fairId).toArray();
  return rows.filter((r) => r.nameZh === name || r.nameEn === name).sort(byFirstBooth).map(fromRow);
}

export async function getExhibitor(id: ExhibitorId | string): Promise<Exhibitor | undefined> {
  const row = await getDb().exhibitors.get(id);
  return row === undefined ? undefined : fromRow(row);
}
