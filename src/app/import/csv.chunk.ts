import Papa from 'papaparse';

/**
 * CSV → rows of cells, behind a lazy chunk, out of the initial JavaScript (P2).
 * Excel in China saves CSV as GBK: bytes that are not valid UTF-8 are read as GB18030.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((c) => String(c ?? '')));
}
