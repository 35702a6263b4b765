import { createSignal, type Accessor } from 'solid-js';
import type { Language } from '../../../domain/codes';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { toCsv } from './csv';
import { download } from './download';
import { exportTables, provisionalBanner, type DeviceLine } from './summary-tables';

/**
 * The export buttons' actions (PS5, src/domain/REFERENCE.md), for the tablet's summary screen and the console's
 * (CO45): each export is a job with progress and a result in words. exceljs loads only when
 * asked (a lazy chunk); the raw ZIP is the caller's (the tablet builds it from its store, the
 * console streams it from the server).
 */
export interface Exports {
  readonly progress: Accessor<{ done: number; total: number } | undefined>;
  readonly result: Accessor<{ ok: true; file: string } | { ok: false; reason: string } | undefined>;
  xlsx(): Promise<void>;
  csv(): void;
  raw(): Promise<void>;
}

export interface ExportContext {
  readonly fairCode: () => string;
  readonly summary: () => PostShowSummary | undefined;
  readonly devices: () => readonly DeviceLine[];
  readonly provisional: () => boolean;
  readonly lang: () => Language;
  /** The raw data ZIP: `banner` when provisional; progress as (done, total), total 0 when unknown. */
  readonly raw: (banner: string | undefined, onProgress: (done: number, total: number) => void) => Promise<BlobPart>;
}

export function createExports(ctx: ExportContext): Exports {
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [result, setResult] = createSignal<{ ok: true; file: string } | { ok: false; reason: string }>();
  const base = (): string => `${ctx.fairCode()}-summary${ctx.provisional() ? '-PROVISIONAL' : ''}`;
  const banner = (): string | undefined => (ctx.provisional() ? provisionalBanner() : undefined);
  const run = async (file: string, work: () => Promise<BlobPart>, mime: string): Promise<void> => {
    setResult(undefined);
    setProgress({ done: 0, total: 1 });
    try {
      download(await work(), file, mime);
      setResult({ ok: true, file });
    } catch (e) {
      setResult({ ok: false, reason: e instanceof Error ? e.message : String(e) });
    } finally {
      setProgress(undefined);
    }
  };
  const onProgress = (done: number, total: number): void => void setProgress({ done, total });
  return {
    progress,
    result,
    async xlsx() {
      const s = ctx.summary();
      if (s === undefined) return;
      const tables = exportTables(ctx.lang(), { summary: s, devices: ctx.devices(), provisional: ctx.provisional() });
      await run(`${base()}.xlsx`, async () => (await import('./xlsx.chunk')).buildXlsx(tables, banner(), onProgress), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    },
    csv() {
      const s = ctx.summary();
      if (s === undefined) return;
      const [figures] = exportTables(ctx.lang(), { summary: s, devices: ctx.devices(), provisional: ctx.provisional() });
      if (figures === undefined) return;
      download(toCsv(figures, banner()), `${base()}.csv`, 'text/csv;charset=utf-8');
      setResult({ ok: true, file: `${base()}.csv` });
    },
    async raw() {
      await run(`${ctx.fairCode()}-raw${ctx.provisional() ? '-PROVISIONAL' : ''}.zip`, () => ctx.raw(banner(), onProgress), 'application/zip');
    },
  };
}
