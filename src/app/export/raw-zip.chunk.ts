import { zip, strToU8 } from 'fflate';
import type { Zippable } from 'fflate';
import { evidenceOf, rawItemsOf, sessionDataOf } from '../../store/report-reads';
import { getBlob } from '../../store/evidence';
import { neutralise } from '../ui/report/summary-tables';

/**
 * The raw data export (PS5) for the administration's own systems, behind a lazy chunk:
 * cases, case events and measures as CSV (one row per log item, the payload as JSON) plus every
 * evidence file of the fair under `evidence/<sha256>.<ext>`, in a ZIP (fflate). Files that are
 * already compressed (JPEG, PDF, video) are stored, not deflated again.
 */
const quote = (cell: string): string => {
  const c = neutralise(cell);
  return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
};
const csv = (headers: readonly string[], rows: readonly (readonly string[])[]): Uint8Array =>
  strToU8(`\uFEFF${[headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`);

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf', 'video/mp4': 'mp4' };

export async function buildRawZip(fairId: string, banner: string | undefined, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const items = await rawItemsOf(fairId);
  const evidence = await evidenceOf(fairId);
  const total = evidence.length + 1;
  const files: Zippable = {};
  const head = ['seq', 'at', 'kind', 'entityId', 'type', 'payload'];
  const pick = (kinds: readonly string[], filter?: (payload: unknown) => boolean): string[][] =>
    items
      .filter((i) => kinds.includes(i.kind) && (filter === undefined || filter(i.payload)))
      .map((i) => [String(i.seq), i.at, i.kind, i.entityId, String((i.payload as { type?: unknown } | null)?.type ?? ''), JSON.stringify(i.payload)]);
  const isMeasure = (p: unknown): boolean => /Measure/.test(String((p as { type?: unknown } | null)?.type ?? ''));
  const cases = (await sessionDataOf(fairId))?.cases ?? [];
  files['cases.csv'] = csv(
    ['id', 'caseNo', 'complaintId', 'state', 'outcome', 'receivedAt', 'acceptedAt', 'respondentKey', 'respondent', 'booth', 'ipTypes', 'case'],
    cases.map((c) => [
      c.id,
      c.caseNo,
      c.complaintId,
      c.state,
      c.outcome ?? '',
      c.receivedAt,
      c.acceptedAt ?? '',
      c.respondent.exhibitorKey ?? '',
      c.respondent.name,
      `${c.respondent.booth.hall}/${c.respondent.booth.stand}`,
      [...new Set(c.rights.map((r) => r.type))].join(' '),
      JSON.stringify(c),
    ]),
  );
  files['events.csv'] = csv(head, pick(['case_event']));
  files['measures.csv'] = csv(head, pick(['case_event'], isMeasure));
  files['all-items.csv'] = csv(head, pick([...new Set(items.map((i) => i.kind))]));
  files['evidence.csv'] = csv(
    ['id', 'kind', 'mime', 'sha256', 'caseId', 'capturedAt', 'capturedBy', 'deviceId'],
    evidence.map((e) => [e.id, e.kind, e.mime, e.sha256, e.caseId ?? '', e.capturedAt, e.capturedBy ?? '', e.deviceId]),
  );
  if (banner !== undefined) files['PROVISIONAL.txt'] = strToU8(`${banner}\r\n`);
  onProgress?.(1, total);
  let done = 1;
  for (const e of evidence) {
    const blob = await getBlob(e.sha256);
    if (blob !== undefined) files[`evidence/${e.sha256}.${EXT[e.mime] ?? 'bin'}`] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
    done++;
    if (done % 10 === 0) onProgress?.(done, total);
  }
  onProgress?.(total, total);
  return new Promise((resolve, reject) => zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))));
}
