import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import { ConsoleSummary, PreviousSaved } from '../../../domain/wire/console-summary';
import { request, type ApiResult } from '../../lib/api';

/** The console summary's server calls (src/domain/wire/console-summary.ts). */
export async function readSummary(fairId: string): Promise<ApiResult<ConsoleSummary>> {
  const r = await request(ConsoleSummary, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/summary`);
  // The bench measures from the navigation to the report on screen; this is the data's half.
  performance.mark('console-summary-data');
  return r;
}

export const savePrevious = (fairId: string, figure: string, text: string): Promise<ApiResult<PreviousSaved>> =>
  request(PreviousSaved, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/summary/previous`, { method: 'PUT', body: { figure, text } });

/**
 * The raw ZIP as the server streams it (CO45): read chunk by chunk, reporting the bytes so far
 * (the size is not known before the end). Throws with words for the export's failure message.
 */
export async function fetchRawZip(fairId: string, onProgress: (done: number, total: number) => void, words: { network: string; refused: (status: number) => string }): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/exports/raw.zip`, { credentials: 'same-origin' });
  } catch {
    throw new Error(words.network);
  }
  if (!res.ok || res.body === null) throw new Error(words.refused(res.status));
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      // The server's stream broke off: no half file is offered.
      throw new Error(words.network);
    }
    if (step.done) break;
    parts.push(step.value);
    done += step.value.byteLength;
    onProgress(done, 0);
  }
  return new Blob(parts as BlobPart[], { type: 'application/zip' });
}
