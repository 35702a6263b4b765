import type { Language } from '../../../domain/codes';
import { figureKind } from '../../../domain/report/figures';
import type { FigureKey } from '../../../domain/report/figures';
import { summaryRows } from '../../../domain/report/summary-rows';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { tIn } from '../../i18n/index';
import { codeName, figureName, registrationNo, figureUnit, sectionHeading, sectionOf } from './report-figures';

/**
 * The summary as plain tables: what the XLSX (one sheet per table) and the CSV write. Names and
 * headers are in the chosen language, from the same words as the printed report; figures are
 * numbers (a spreadsheet sums them), rates fractions under a % format; the figure id stays in the
 * last column, for whoever cross-checks with the server.
 */
/** A number for a spreadsheet: its value, an Excel number format, and the CSV's text (§10 digits). */
export interface NumberCell {
  readonly n: number;
  readonly format: string;
  readonly text: string;
}
export type ExportCell = string | NumberCell;

export interface ExportTable {
  /** Sheet / file name. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** One row of the completeness gate as the exports print it (PS2), already in words. */
export interface DeviceLine {
  readonly name: string;
  /** What the server holds of it: through this sequence ('—' when unknown). */
  readonly serverSeq: string;
  readonly lastSeen: string;
  /** Items this tablet still holds ('' for other devices: only they know). */
  readonly unsynced: string;
  readonly status: string;
}

export interface ExportInput {
  readonly summary: PostShowSummary;
  readonly devices: readonly DeviceLine[];
  /** A device still holds unsynced data: every sheet and page says so (PS2, PS5). */
  readonly provisional: boolean;
}

const COUNT = '0';
const SIGNED = '+0;-0;0';
const PERCENT = '0.00%';
const SIGNED_PERCENT = '+0.00%;-0.00%;0.00%';
const SIGNED_POINTS = '+0.00;-0.00;0.00';

// The CSV's text is the domain's digits (`summaryRows`, §10 display rules), so every export agrees.
/** A figure's value: counts and minutes whole, a rate (basis points) as a fraction under `0.00%`. */
const valueCell = (id: FigureKey, v: number | null | undefined, text: string): ExportCell =>
  v === null || v === undefined ? '—' : figureKind(id) === 'rate' ? { n: v / 10000, format: PERCENT, text } : { n: v, format: COUNT, text };

/** Δ: signed counts and minutes; a rate's Δ in percentage points (bp / 100). */
const deltaCell = (id: FigureKey, v: number | null, text: string): ExportCell =>
  v === null ? '—' : figureKind(id) === 'rate' ? { n: v / 100, format: SIGNED_POINTS, text } : { n: v, format: SIGNED, text };

const pctCell = (bp: number | null, text: string): ExportCell => (bp === null ? '—' : { n: bp / 10000, format: SIGNED_PERCENT, text });

const H = ['section', 'figure', 'unit', 'value', 'prev', 'delta', 'deltaPct', 'id'] as const;

export function figuresTable(lang: Language, summary: PostShowSummary): ExportTable {
  return {
    name: tIn(lang, 'summary.sheet.figures'),
    headers: H.map((k) => tIn(lang, `summary.col.${k}`)),
    rows: summaryRows(summary).map(({ id, value, prev, delta, deltaPct }) => {
      const change = summary.changes[id];
      return [
        sectionHeading(lang, sectionOf(id)),
        figureName(lang, id),
        figureUnit(lang, id),
        valueCell(id, summary.figures[id], value),
        change === undefined ? '' : valueCell(id, change.prev, prev),
        change === undefined ? '' : deltaCell(id, change.delta, delta),
        change === undefined ? '' : pctCell(change.deltaPctBp, deltaPct),
        id,
      ];
    }),
  };
}

export function repeatTable(lang: Language, summary: PostShowSummary): ExportTable {
  const h = (k: 'key' | 'name' | 'established' | 'previous' | 'isRepeat' | 'sanctions'): string => tIn(lang, `summary.repeat.${k}`);
  return {
    name: tIn(lang, 'summary.sheet.repeat'),
    headers: [h('name'), h('key'), h('established'), h('previous'), h('isRepeat'), h('sanctions')],
    rows: summary.repeatInfringers.map((r) => [
      r.name,
      registrationNo(r.exhibitorKey),
      { n: r.established, format: COUNT, text: String(r.established) },
      { n: r.previousEstablished, format: COUNT, text: String(r.previousEstablished) },
      r.repeat ? '✓' : '',
      r.sanctions.map((s) => sanctionText(lang, s.code, s.n)).join(lang === 'en' ? '; ' : '；'),
    ]),
  };
}

export function sanctionText(lang: Language, code: string, n: number | undefined): string {
  const name = codeName(lang, 'sanction', code);
  return n === undefined ? name : lang === 'en' ? `${name} (${n})` : `${name}（${n}）`;
}

export function devicesTable(lang: Language, devices: readonly DeviceLine[]): ExportTable {
  const h = (k: 'device' | 'serverSeq' | 'lastSeen' | 'unsynced' | 'status'): string => tIn(lang, `summary.devices.${k}`);
  return {
    name: tIn(lang, 'summary.sheet.devices'),
    headers: [h('device'), h('serverSeq'), h('lastSeen'), h('unsynced'), h('status')],
    rows: devices.map((d) => [d.name, d.serverSeq, d.lastSeen, d.unsynced, d.status]),
  };
}

export function exportTables(lang: Language, input: ExportInput): ExportTable[] {
  return [figuresTable(lang, input.summary), repeatTable(lang, input.summary), devicesTable(lang, input.devices)];
}

/** The banner every provisional sheet and page carries, in both languages. */
export const provisionalBanner = (): string => `${tIn('zh-CN', 'summary.provisional')} / ${tIn('en', 'summary.provisional')}`;

/** A cell as CSV text: a number in the §10 digits. */
export const cellText = (cell: ExportCell): string => (typeof cell === 'string' ? cell : cell.text);

export { neutralise, looksLikeFormula } from '../../../domain/spreadsheet-cell';
