import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { neutralise } from '../../domain/spreadsheet-cell';
import type { Storage } from '../storage/storage';
import { num } from '../storage/sql';

/**
 * The raw data export of a fair from the server (CO45): the fair's log as CSV (every item, the
 * case events, the measures: one row per item, the payload as JSON), the evidence list and every
 * evidence file the server holds, in a ZIP written as it is sent. Items are read a page at a time
 * and each evidence file on its own, only when the client has taken what came before, so a fair
 * of any size costs the server one page and one file of memory.
 */
const PAGE = 2000;
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf', 'video/mp4': 'mp4' };
const HEAD = ['serverSeq', 'at', 'kind', 'entityId', 'type', 'payload'];
const EVIDENCE_HEAD = ['id', 'kind', 'mime', 'sha256', 'caseId', 'capturedAt', 'capturedBy', 'deviceId'];

const quote = (cell: string): string => {
  const c = neutralise(cell);
  return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
};
const line = (cells: readonly string[]): Uint8Array => strToU8(`${cells.map(quote).join(',')}\r\n`);
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface RawExport {
  readonly body: ReadableStream<Uint8Array>;
  /** Items of the fair when the export began (the client's progress counts CSV rows against it). */
  readonly expectedItems: number;
}

export async function rawZipStream(storage: Storage, fairId: string, provisional: boolean): Promise<RawExport> {
  const db = storage.sql;
  const [count] = await db.query<{ n: unknown }>('select count(*) as n from items where fair_id = $1', [fairId]);
  const queue: Uint8Array[] = [];
  let finished = false;
  let failure: unknown;
  const zip = new Zip((error, chunk, final) => {
    if (error !== null) failure = error;
    else queue.push(chunk);
    if (final) finished = true;
  });

  async function* pages(filter: string): AsyncGenerator<{ serverSeq: number; at: string; kind: string; entityId: string; payload: unknown }[]> {
    let after = 0;
    for (;;) {
      const rows = await db.query<{ server_seq: unknown; at: string; kind: string; entity_id: string; payload: unknown }>(
        `select server_seq, at, kind, entity_id, payload from items where fair_id = $1 and server_seq > $2 ${filter} order by server_seq limit ${PAGE}`,
        [fairId, after],
      );
      if (rows.length === 0) return;
      after = num(rows[rows.length - 1]?.server_seq);
      yield rows.map((r) => ({ serverSeq: num(r.server_seq), at: r.at, kind: r.kind, entityId: r.entity_id, payload: parse(r.payload) }));
      if (rows.length < PAGE) return;
    }
  }
  const typeOf = (p: unknown): string => String((p as { type?: unknown } | null)?.type ?? '');

  async function* work(): AsyncGenerator<void> {
    if (provisional) {
      const note = new ZipDeflate('PROVISIONAL.txt', { level: 6 });
      zip.add(note);
      note.push(strToU8('临时报告：仍有平板数据未同步 / Provisional: not every tablet has synced\r\n'), true);
    }
    for (const [name, filter, keep] of [
      ['all-items.csv', '', () => true],
      ['events.csv', `and kind = 'case_event'`, () => true],
      ['measures.csv', `and kind = 'case_event'`, (p: unknown) => /Measure/.test(typeOf(p))],
    ] as const) {
      const file = new ZipDeflate(name, { level: 6 });
      zip.add(file);
      file.push(strToU8(`\uFEFF`));
      file.push(line(HEAD));
      for await (const page of pages(filter)) {
        for (const i of page) if (keep(i.payload)) file.push(line([String(i.serverSeq), i.at, i.kind, i.entityId, typeOf(i.payload), JSON.stringify(i.payload)]));
        yield;
      }
      file.push(new Uint8Array(0), true);
    }
    const evidence: { id: string; kind: string; mime: string; sha256: string; caseId?: string; capturedAt: string; capturedBy?: string; deviceId: string }[] = [];
    for await (const page of pages(`and kind = 'evidence_meta'`)) for (const i of page) evidence.push(i.payload as (typeof evidence)[number]);
    const list = new ZipDeflate('evidence.csv', { level: 6 });
    zip.add(list);
    list.push(strToU8(`\uFEFF`));
    list.push(line(EVIDENCE_HEAD));
    for (const e of evidence) list.push(line([e.id, e.kind, e.mime, e.sha256, e.caseId ?? '', e.capturedAt, e.capturedBy ?? '', e.deviceId]));
    list.push(new Uint8Array(0), true);
    const seen = new Set<string>();
    for (const e of evidence) {
      if (seen.has(e.sha256)) continue;
      seen.add(e.sha256);
      const data = await storage.getBlob(e.sha256);
      if (data === undefined) continue;
      // Photos and PDFs are compressed already: stored, not deflated again.
      const file = new ZipPassThrough(`evidence/${e.sha256}.${EXT[e.mime] ?? 'bin'}`);
      zip.add(file);
      file.push(data, true);
      yield;
    }
    zip.end();
  }

  const steps = work();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (queue.length === 0 && !finished && failure === undefined) {
        const step = await steps.next();
        if (step.done === true) break;
      }
      if (failure !== undefined) return controller.error(failure);
      const chunk = queue.splice(0, queue.length);
      for (const c of chunk) controller.enqueue(c);
      if (finished && queue.length === 0) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
  return { body, expectedItems: num(count?.n) };
}
