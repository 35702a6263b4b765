/**
 * A picked file → its table of cells, loading the CSV or XLSX reader only now (lazy chunks,
 * precached by the service worker so this works offline).
 */
export type TableRead = { readonly ok: true; readonly table: string[][] } | { readonly ok: false; readonly reason: 'unknown-format' | 'unreadable'; readonly detail?: string };

export async function readTable(file: File): Promise<TableRead> {
  const name = file.name.toLowerCase();
  try {
    if (name.endsWith('.csv') || file.type === 'text/csv') {
      const { decodeCsv, parseCsv } = await import('./csv.chunk');
      return { ok: true, table: parseCsv(decodeCsv(new Uint8Array(await file.arrayBuffer()))) };
    }
    if (name.endsWith('.xlsx')) {
      const { parseXlsx } = await import('./xlsx.chunk');
      return { ok: true, table: await parseXlsx(await file.arrayBuffer()) };
    }
    return { ok: false, reason: 'unknown-format' };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
}
