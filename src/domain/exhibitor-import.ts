import { Exhibitor, exhibitorKeyOf, type ExhibitorInput } from './exhibitor';
import type { Fair } from './fair';
import { fieldErrors, type FieldError } from './field-errors';
import { normaliseText } from './text';
import { boothKey, boothSchemaFor } from './validators/booth';

/** The fields an import row supplies; whoever stores it fills the id, fair, author and time. */
export type ExhibitorFields = Omit<ExhibitorInput, 'id' | 'fairId' | 'createdAt' | 'createdBy' | 'deviceId'>;

/**
 * The pure half of the exhibitor import, shared by the tablet and the console: a table of cells (from a CSV or XLSX
 * reader) → one result per data row, either the exhibitor to import or its errors. Nothing is
 * written here; the screen shows every row and imports only what the user confirms, and a bad
 * row is always listed, never dropped.
 *
 * Errors are field errors (`{ field, code, params }`) the app translates: the domain's own
 * (REQUIRED, USCC_CHECK_DIGIT, …) plus DUPLICATE_BOOTH_IN_FILE and BOOTH_TAKEN. A USCC seen twice
 * (DUPLICATE_USCC_IN_FILE, USCC_IN_FAIR) is a warning on a good row: two exhibitors may be one.
 */
export const COLUMNS = ['nameZh', 'nameEn', 'country', 'regNo', 'delegation', 'hall', 'stand', 'contactName', 'contactPhone'] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS = ['nameZh', 'stand'] as const satisfies readonly Column[];

/** Header names in zh-CN or English, compared after `headerToken`. */
const ALIASES: Record<Column, readonly string[]> = {
  nameZh: ['namezh', 'name', 'chinesename', 'companyname', 'exhibitor', '名称', '中文名称', '企业名称', '企业中文名称', '参展商', '参展商名称', '展商名称', '公司名称'],
  nameEn: ['nameen', 'englishname', 'companynameen', '英文名称', '企业英文名称', '英文名'],
  country: ['country', 'countryregion', 'countrycode', '国家', '国家地区', '国别', '国家代码'],
  regNo: ['uscc', 'usccorforeignregno', 'usccforeignregno', 'regno', 'registrationno', 'registrationnumber', 'foreignregno', '统一社会信用代码', '信用代码', '统一社会信用代码境外注册号', '统一社会信用代码或境外注册号', '注册号', '境外注册号'],
  delegation: ['delegation', 'tradingdelegation', '交易团'],
  hall: ['hall', 'hallno', '展馆', '馆号', '展馆号'],
  stand: ['stand', 'stands', 'booth', 'booths', 'boothno', 'standno', '展位', '展位号'],
  contactName: ['contactname', 'contact', 'contactperson', '联系人', '联系人姓名'],
  contactPhone: ['contactphone', 'phone', 'tel', 'telephone', 'mobile', '联系电话', '电话', '手机', '联系人电话'],
};

/** NFKC, lower case, no spaces or punctuation: `USCC or foreign reg. no.` → `usccorforeignregno`. */
export const headerToken = (h: string): string =>
  normaliseText(h)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

const BY_TOKEN = new Map<string, Column>(COLUMNS.flatMap((c) => ALIASES[c].map((a) => [a, c] as const)));

export type ColumnMap = Partial<Record<Column, number>>;

export function mapHeader(header: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((h, i) => {
    const col = BY_TOKEN.get(headerToken(h));
    if (col !== undefined && map[col] === undefined) map[col] = i;
  });
  return map;
}

export type RowResult =
  | {
      readonly row: number;
      readonly exhibitor: ExhibitorFields;
      readonly weakKey: boolean;
      /** A USCC another row of the file or an exhibitor of the fair already has: imported, but said. */
      readonly warnings?: readonly FieldError[];
    }
  | { readonly row: number; readonly errors: readonly FieldError[]; readonly cells: Readonly<Partial<Record<Column, string>>> };

export interface ImportPreview {
  /** Required columns the header lacks (then there are no results). */
  readonly missingColumns: readonly Column[];
  readonly results: readonly RowResult[];
}

/** `1.1/A01;1.1/A02`, or stands `A01;A02` with the hall in its own column. */
export function splitBooths(hall: string, stand: string): { hall: string; stand: string }[] {
  return stand
    .split(/[;；,，、\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const slash = s.lastIndexOf('/');
      return slash < 0 ? { hall: hall.trim(), stand: s } : { hall: s.slice(0, slash).trim(), stand: s.slice(slash + 1).trim() };
    });
}

// The row is checked with the full domain schema; these stand in for what the store fills in.
const PLACEHOLDER_ID = '00000000000000000000000000';
const PLACEHOLDER_META = { id: PLACEHOLDER_ID, fairId: PLACEHOLDER_ID, createdAt: '2000-01-01T00:00:00.000Z', createdBy: PLACEHOLDER_ID, deviceId: PLACEHOLDER_ID };

/** The fields of one row as the store's `ExhibitorFields` (before validation). */
export function rowToFields(cells: Readonly<Partial<Record<Column, string>>>, fair: Fair): ExhibitorFields {
  const get = (c: Column): string => (cells[c] ?? '').trim();
  const country = get('country') === '' ? fair.settings.country : get('country');
  const regNo = get('regNo');
  const isCn = normaliseText(country).toUpperCase() === 'CN';
  const contact = get('contactName') !== '' || get('contactPhone') !== '' ? [{ name: get('contactName'), phone: get('contactPhone') }] : [];
  return {
    nameZh: get('nameZh'),
    nameEn: get('nameEn'),
    country,
    ...(regNo === '' ? {} : isCn ? { uscc: regNo } : { foreignRegNo: regNo }),
    delegation: get('delegation'),
    booths: splitBooths(get('hall'), get('stand')),
    contacts: contact,
  } as ExhibitorFields;
}

/**
 * Checks every data row of `table` (first row = header) for `fair`, given the exhibitors the
 * fair already has. Row numbers are the spreadsheet's (header = 1).
 */
export function previewImport(
  table: readonly (readonly string[])[],
  fair: Fair,
  existing: readonly (Pick<Exhibitor, 'booths'> & Partial<Pick<Exhibitor, 'uscc'>>)[],
): ImportPreview {
  const [header = [], ...body] = table;
  const map = mapHeader(header);
  const missingColumns = REQUIRED_COLUMNS.filter((c) => map[c] === undefined);
  if (missingColumns.length > 0) return { missingColumns, results: [] };

  const taken = new Set(existing.flatMap((e) => e.booths.map(boothKey)));
  const seenAt = new Map<string, number>();
  const usccInFair = new Set(existing.flatMap((e) => (e.uscc === undefined ? [] : [e.uscc])));
  const usccAt = new Map<string, number>();
  const boothSchema = boothSchemaFor(fair.settings.booth);
  const results: RowResult[] = [];

  body.forEach((cellsRow, i) => {
    const row = i + 2;
    if (cellsRow.every((c) => (c ?? '').trim() === '')) return;
    const cells: Partial<Record<Column, string>> = {};
    for (const c of COLUMNS) {
      const idx = map[c];
      if (idx !== undefined) cells[c] = String(cellsRow[idx] ?? '');
    }
    const fields = rowToFields(cells, fair);
    const errors: FieldError[] = [];
    if (fields.booths.length === 0) errors.push({ field: 'booths', code: 'REQUIRED', params: {} });
    const candidate = { ...fields, ...PLACEHOLDER_META };
    const parsed = Exhibitor.safeParse(candidate);
    if (!parsed.success) errors.push(...fieldErrors(parsed.error, candidate).filter((e) => !(e.field === 'booths' && fields.booths.length === 0)));
    fields.booths.forEach((b, j) => {
      const r = boothSchema.safeParse(b);
      if (!r.success) {
        if (!errors.some((e) => e.field.startsWith(`booths.${j}`))) errors.push(...fieldErrors(r.error, b).map((e) => ({ ...e, field: `booths.${j}.${e.field}` })));
        return;
      }
      const key = boothKey(r.data);
      const earlier = seenAt.get(key);
      if (taken.has(key)) errors.push({ field: `booths.${j}`, code: 'BOOTH_TAKEN', params: { booth: key } });
      else if (earlier !== undefined) errors.push({ field: `booths.${j}`, code: 'DUPLICATE_BOOTH_IN_FILE', params: { booth: key, other: earlier } });
      else seenAt.set(key, row);
    });
    if (errors.length > 0 || !parsed.success) {
      results.push({ row, errors, cells });
      return;
    }
    const uscc = parsed.data.uscc;
    const warnings: FieldError[] = [];
    if (uscc !== undefined) {
      const other = usccAt.get(uscc);
      if (other !== undefined) warnings.push({ field: 'uscc', code: 'DUPLICATE_USCC_IN_FILE', params: { uscc, other } });
      else if (usccInFair.has(uscc)) warnings.push({ field: 'uscc', code: 'USCC_IN_FAIR', params: { uscc } });
      if (other === undefined) usccAt.set(uscc, row);
    }
    results.push({ row, exhibitor: fields, weakKey: exhibitorKeyOf(parsed.data).weakKey, ...(warnings.length > 0 ? { warnings } : {}) });
  });
  return { missingColumns: [], results };
}

export const isGood = (r: RowResult): r is Extract<RowResult, { exhibitor: ExhibitorFields }> => 'exhibitor' in r;
