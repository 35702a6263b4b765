import type { Language } from '../../domain/codes';
import { FIGURE_TITLES } from '../../domain/report/figures';
import type { FigureKey } from '../../domain/report/figures';
import type { PostShowSummary } from '../../domain/report/summary-schema';
import { summaryRows } from '../../domain/report/summary-rows';
import { isMessageKey, tIn } from '../i18n/index';

/**
 * The summary as plain tables (issue 9 §4): what the XLSX (one sheet per table), the CSV and
 * the printed report write, so every export shows the same cells. Headers are in the chosen
 * language; the digits are the domain's (`summaryRows`, §10 display rules).
 */
export interface ExportTable {
  /** Sheet / file name. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One row of the completeness gate as the exports print it (issue 9 §2), already in words. */
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
  /** A device still holds unsynced data: every sheet and page says so (issue 9 §2). */
  readonly provisional: boolean;
}

/** The figure's name: its §10 title, then the breakdown, with codes translated where the app knows them. */
export function figureLabel(lang: Language, id: FigureKey): string {
  const dot = id.indexOf('.');
  const rule = id.slice(0, dot) as keyof typeof FIGURE_TITLES;
  const title = FIGURE_TITLES[rule][lang === 'en' ? 'en' : 'zh'];
  const rest = id.slice(dot + 1);
  const parts = rest.split('.').map((p) => {
    for (const prefix of ['outcome', 'ipType', 'reason', 'sanction', 'measure', 'consult.asker']) {
      const key = `${prefix}.${p}`;
      if (isMessageKey(key)) return tIn(lang, key);
    }
    return p;
  });
  return `${title} · ${parts.join(' · ')}`;
}

export function figuresTable(lang: Language, summary: PostShowSummary): ExportTable {
  const h = (k: 'id' | 'rule' | 'figure' | 'value' | 'prev' | 'delta' | 'deltaPct'): string => tIn(lang, `summary.col.${k}`);
  return {
    name: tIn(lang, 'summary.sheet.figures'),
    headers: [h('id'), h('figure'), h('value'), h('prev'), h('delta'), h('deltaPct')],
    rows: summaryRows(summary).map((r) => [r.id, figureLabel(lang, r.id), r.value, r.prev, r.delta, r.deltaPct]),
  };
}

export function repeatTable(lang: Language, summary: PostShowSummary): ExportTable {
  const h = (k: 'key' | 'name' | 'established' | 'previous' | 'isRepeat' | 'sanctions'): string => tIn(lang, `summary.repeat.${k}`);
  return {
    name: tIn(lang, 'summary.sheet.repeat'),
    headers: [h('key'), h('name'), h('established'), h('previous'), h('isRepeat'), h('sanctions')],
    rows: summary.repeatInfringers.map((r) => [
      r.exhibitorKey,
      r.name,
      String(r.established),
      String(r.previousEstablished),
      r.repeat ? '✓' : '',
      r.sanctions.map((s) => sanctionText(lang, s.code, s.n)).join('; '),
    ]),
  };
}

export function sanctionText(lang: Language, code: string, n: number | undefined): string {
  const key = `sanction.${code}`;
  const name = isMessageKey(key) ? tIn(lang, key) : code;
  return n === undefined ? name : `${name} (${n})`;
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

export { neutralise, looksLikeFormula } from '../../domain/spreadsheet-cell';
