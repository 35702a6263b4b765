import { createSignal, type Accessor } from 'solid-js';
import type { Language } from '../../../domain/codes';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { toCsv } from '../../export/csv';
import { download } from '../../export/download';
import { exportTables, provisionalBanner, type DeviceLine } from '../../export/summary-tables';

/**
 * The export buttons' actions (issue 9 §4). exceljs and fflate load only when asked (lazy
 * chunks); long exports report progress through `progress`.
 */
export interface Exports {
  readonly progress: Accessor<{ done: number; total: number } | undefined>;
  readonly result: Accessor<{ ok: true; file: string } | { ok: false; reason: string } | undefined>;
  xlsx(): Promise<void>;
  csv(): void;
  raw(): Promise<void>;
}

export interface ExportContext {
  readonly fairId: string;
  readonly fairCode: () => string;
  readonly summary: () => PostShowSummary | undefined;
  readonly devices: () => readonly DeviceLine[];
  readonly provisional: () => boolean;
  readonly lang: () => Language;
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
      await run(`${base()}.xlsx`, async () => (await import('../../export/xlsx.chunk')).buildXlsx(tables, banner(), onProgress), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
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
      await run(`${ctx.fairCode()}-raw${ctx.provisional() ? '-PROVISIONAL' : ''}.zip`, async () => (await import('../../export/raw-zip.chunk')).buildRawZip(ctx.fairId, banner(), onProgress) as Promise<BlobPart>, 'application/zip');
    },
  };
}
