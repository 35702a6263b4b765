import { Exhibitor, exhibitorSchemaFor } from '../../domain/exhibitor';
import type { Fair } from '../../domain/fair';
import { fieldErrors, type FieldError } from '../../domain/field-errors';
import { compareHlc, tickHlc, type Hlc } from '../../domain/hlc';
import type { FairId } from '../../domain/ids';
import { instantFromMs } from '../../domain/time';
import { boothKey } from '../../domain/validators/booth';
import type { ExhibitorList, ExhibitorsImported } from '../../domain/wire/console-review';
import { currentRecords } from '../reports/current-records';
import { bulkUlid } from '../storage/bulk-ulid';
import type { SqlClient, SqlRunner } from '../storage/sql';
import type { Actor } from './audit';
import { checkParsedExhibitor } from './parsed-exhibitor-check';
import { currentFair } from './console-store';
import { serverDeviceOf, writeServerItems } from './server-author';

type RowErrors = ExhibitorsImported['rowErrors'];

/** Stands in for the server's device (a ULID) while rows are parsed outside the transaction. */
const PLACEHOLDER_DEVICE = '00000000000000000000000000';

async function currentExhibitors(db: SqlRunner, fairId: string): Promise<Exhibitor[]> {
  return (await currentRecords<unknown>(db, fairId, 'exhibitor')).flatMap((raw) => {
    const e = Exhibitor.safeParse(raw);
    return e.success ? [e.data] : [];
  });
}

async function listVersion(db: SqlRunner, fairId: string, lock: boolean): Promise<number> {
  const [row] = await db.query<{ version: number }>(`select version from console_exhibitor_lists where fair_id = $1${lock ? ' for update' : ''}`, [fairId]);
  return row?.version ?? 0;
}

/** USCCs held by more than one exhibitor of the list (CO23). */
function duplicateUscc(exhibitors: readonly Exhibitor[]): ExhibitorList['duplicateUscc'] {
  const by = new Map<string, Exhibitor['id'][]>();
  for (const e of exhibitors) if (e.uscc !== undefined) by.set(e.uscc, [...(by.get(e.uscc) ?? []), e.id]);
  return [...by].filter(([, ids]) => ids.length > 1).map(([uscc, ids]) => ({ uscc, exhibitorIds: ids }));
}

/** CO23: the fair's exhibitors as every tablet holds them (SY24), the list version and the shared USCCs. */
export async function exhibitorList(db: SqlRunner, fairId: string): Promise<ExhibitorList> {
  const exhibitors = await currentExhibitors(db, fairId);
  return { type: 'exhibitors', fairId: fairId as FairId, version: await listVersion(db, fairId, false), exhibitors, duplicateUscc: duplicateUscc(exhibitors) };
}

interface Change {
  readonly row: number;
  readonly fields: Record<string, unknown>;
  /** The exhibitor edited; absent for a new one. */
  readonly existing?: Exhibitor;
}

/**
 * CO23: one change of the fair's exhibitor list (an import of many rows, or one row edited) is
 * one list version: every record it writes carries that version and goes to the tablets as an
 * exhibitor item of the server's own device (CO17), so a tablet pulls the changed rows only and
 * knows which version it has. Rows are parsed with the fair's own exhibitor schema, and a booth
 * another exhibitor holds (or an earlier row of the import) refuses the row, as on the tablet;
 * any refused row writes nothing. A USCC another exhibitor has is a warning, not a refusal.
 */
async function writeChange(
  db: SqlClient, fair: Fair, changes: readonly Change[], actor: Actor, action: 'exhibitors_imported' | 'exhibitor_edited', nowMs: number,
): Promise<ExhibitorsImported> {
  // Each row through the fair's schema before the transaction: that is most of the work, and
  // it needs no lock. The author device and the version, known only inside, are set after.
  const schema = exhibitorSchemaFor(fair.settings.booth);
  const now = instantFromMs(nowMs);
  const rowErrors: RowErrors = [];
  const parsedRows: { row: number; record: Exhibitor }[] = [];
  for (const change of changes) {
    const candidate = {
      ...change.fields, id: change.existing?.id ?? bulkUlid(nowMs), fairId: fair.id, createdAt: change.existing?.createdAt ?? now,
      createdBy: change.existing?.createdBy ?? actor.userId ?? PLACEHOLDER_DEVICE, deviceId: PLACEHOLDER_DEVICE, listVersion: 1,
    };
    const parsed = schema.safeParse(candidate);
    if (parsed.success) parsedRows.push({ row: change.row, record: parsed.data });
    else rowErrors.push({ row: change.row, errors: fieldErrors(parsed.error, candidate) });
  }
  return db.transaction(async (tx) => {
    const deviceId = await serverDeviceOf(tx, fair.id);
    const before = await listVersion(tx, fair.id, true);
    const version = before + 1;
    const existing = await currentExhibitors(tx, fair.id);
    const editing = new Set(changes.flatMap((c) => (c.existing === undefined ? [] : [c.existing.id])));
    const holder = new Map<string, number | 'fair'>();
    const usccHolder = new Map<string, number | 'fair'>();
    for (const e of existing) {
      if (editing.has(e.id)) continue;
      for (const b of e.booths) holder.set(boothKey(b), 'fair');
      if (e.uscc !== undefined) usccHolder.set(e.uscc, 'fair');
    }
    const warnings: RowErrors = [];
    const records: Exhibitor[] = [];
    for (const { row, record } of parsedRows) {
      const errors: FieldError[] = [];
      record.booths.forEach((b, j) => {
        const key = boothKey(b);
        const other = holder.get(key);
        if (other === 'fair') errors.push({ field: `booths.${j}`, code: 'BOOTH_TAKEN', params: { booth: key } });
        else if (other !== undefined) errors.push({ field: `booths.${j}`, code: 'DUPLICATE_BOOTH_IN_FILE', params: { booth: key, other } });
        else holder.set(key, row);
      });
      if (errors.length > 0) {
        rowErrors.push({ row, errors });
        continue;
      }
      const uscc = record.uscc;
      if (uscc !== undefined) {
        const other = usccHolder.get(uscc);
        if (other === 'fair') warnings.push({ row, errors: [{ field: 'uscc', code: 'USCC_IN_FAIR', params: { uscc } }] });
        else if (other !== undefined) warnings.push({ row, errors: [{ field: 'uscc', code: 'DUPLICATE_USCC_IN_FILE', params: { uscc, other } }] });
        else usccHolder.set(uscc, row);
      }
      const author = deviceId as Exhibitor['deviceId'];
      records.push({ ...record, deviceId: author, createdBy: record.createdBy === PLACEHOLDER_DEVICE ? (author as unknown as Exhibitor['createdBy']) : record.createdBy, listVersion: version });
    }
    rowErrors.sort((a, b) => a.row - b.row);
    if (rowErrors.length > 0) return { type: 'exhibitors-saved', version: Math.max(before, 1), saved: 0, rowErrors, warnings: [] };
    await writeServerItems(tx, fair.id, async (author) => {
      // Past every stored version of any exhibitor of the fair: the change wins by SY20.
      const [last] = await tx.query<{ hlc: string | null }>(`select max(hlc) as hlc from items where fair_id = $1 and kind = 'exhibitor'`, [fair.id]);
      const prior = last?.hlc == null ? undefined : (last.hlc as Hlc);
      const hlc = tickHlc(prior, nowMs, author);
      if (prior !== undefined && compareHlc(hlc, prior) <= 0) throw new Error('exhibitor stamp did not advance');
      return records.map((e) => ({ kind: 'exhibitor' as const, entityId: e.id, payload: e, hlc }));
    }, {
      actor, action, target: `fair:${fair.id}`,
      details: (items) => ({ version, rows: items.length, warnings: warnings.length, ...(action === 'exhibitor_edited' ? { exhibitorId: records[0]?.id ?? null } : {}) }),
    }, nowMs, checkParsedExhibitor);
    await tx.query(
      `insert into console_exhibitor_lists (fair_id, version, updated_at, updated_by_name) values ($1, $2, $3, $4)
       on conflict (fair_id) do update set version = excluded.version, updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name`,
      [fair.id, version, now, actor.name],
    );
    return { type: 'exhibitors-saved', version, saved: records.length, rowErrors: [], warnings };
  });
}

export async function importExhibitors(
  db: SqlClient, fairId: string, rows: readonly { row: number; fields: Record<string, unknown> }[], actor: Actor, nowMs: number,
): Promise<ExhibitorsImported | 'no-fair'> {
  const fair = await currentFair(db, fairId);
  if (fair === undefined) return 'no-fair';
  return writeChange(db, fair, rows, actor, 'exhibitors_imported', nowMs);
}

export async function editExhibitor(
  db: SqlClient, fairId: string, exhibitorId: string, fields: Record<string, unknown>, actor: Actor, nowMs: number,
): Promise<ExhibitorsImported | 'no-fair' | 'not-found'> {
  const fair = await currentFair(db, fairId);
  if (fair === undefined) return 'no-fair';
  const existing = (await currentExhibitors(db, fairId)).find((e) => e.id === exhibitorId);
  if (existing === undefined) return 'not-found';
  return writeChange(db, fair, [{ row: 0, fields, existing }], actor, 'exhibitor_edited', nowMs);
}
