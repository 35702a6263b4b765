import { createSignal, type Accessor } from 'solid-js';
import type { z } from 'zod';
import { TEXT_ERROR_CODES } from '../../../domain/text';
import type { Instant } from '../../../domain/time';
import { PhonePayload } from '../../../domain/wire/phone-payload';
import { createAssembler, type QrErrorCode } from '../../../domain/wire/qr-frames';

export type ScanIssue = QrErrorCode | 'PAYLOAD_INVALID' | 'PAYLOAD_TEXT' | 'FAIR_MISMATCH';

const TEXT_CODES: ReadonlySet<string> = new Set(TEXT_ERROR_CODES);

/** SY53: a filing refused for a character the text rule forbids says so, not just "invalid". */
const refusal = (error: z.ZodError): ScanIssue => (error.issues.some((i) => TEXT_CODES.has(i.message)) ? 'PAYLOAD_TEXT' : 'PAYLOAD_INVALID');

export interface HandoffScan {
  readonly received: Accessor<readonly number[]>;
  readonly total: Accessor<number>;
  /** The last refusal, shown until the hand-off completes (QR9: codes, worded by the screen). */
  readonly issue: Accessor<ScanIssue | undefined>;
  readonly issues: Accessor<readonly ScanIssue[]>;
  readonly payload: Accessor<PhonePayload | undefined>;
  readonly payloadId: Accessor<string | undefined>;
  /** Where the payload came from: read from the phone's frames, or a draft the phone sent online (PI1). */
  readonly source: Accessor<{ readonly kind: 'qr' } | { readonly kind: 'online'; readonly draftId: string; readonly receivedAt: Instant }>;
  accept(text: string): void;
  /** A draft the server holds (PI1): previewed and confirmed exactly as a scanned one. */
  offer(payload: PhonePayload, draftId: string, receivedAt: Instant): void;
  reset(): void;
}

/**
 * One hand-off being read (QR9–QR12): frames go to the FC1 assembler (QR10, QR11); the
 * completed JSON is parsed with zod (QR12) and must be for this fair. Any failure is a code and
 * nothing is kept: the screen writes only after the clerk confirms a parsed payload.
 */
export function createHandoffScan(fairId: () => string): HandoffScan {
  let assembler = createAssembler();
  const [received, setReceived] = createSignal<readonly number[]>([]);
  const [total, setTotal] = createSignal(0);
  const [issue, setIssue] = createSignal<ScanIssue>();
  const [issues, setIssues] = createSignal<readonly ScanIssue[]>([]);
  const [payload, setPayload] = createSignal<PhonePayload>();
  const [payloadId, setPayloadId] = createSignal<string>();
  const [source, setSource] = createSignal<{ readonly kind: 'qr' } | { readonly kind: 'online'; readonly draftId: string; readonly receivedAt: Instant }>({ kind: 'qr' });
  const refuse = (code: ScanIssue): void => {
    setIssue(code);
    if (!issues().includes(code)) setIssues([...issues(), code]);
  };
  let lastText = '';
  const accept = (text: string): void => {
    if (payload() !== undefined) return;
    // The camera sees one code several times in a row; the assembler would answer the same.
    if (text === lastText) return;
    lastText = text;
    if (typeof performance !== 'undefined' && performance.getEntriesByName('qr-first-read').length === 0) performance.mark('qr-first-read');
    const r = assembler.accept(text);
    if (r.status === 'error') return refuse(r.code);
    if (r.status === 'progress') {
      setReceived(r.received);
      setTotal(r.total);
      return;
    }
    let parsed: PhonePayload | undefined;
    let why: ScanIssue = 'PAYLOAD_INVALID';
    try {
      const p = PhonePayload.safeParse(JSON.parse(r.json));
      parsed = p.success ? p.data : undefined;
      if (!p.success) why = refusal(p.error);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) {
      assembler = createAssembler();
      setReceived([]);
      return refuse(why);
    }
    if (parsed.fairId !== fairId()) {
      assembler = createAssembler();
      setReceived([]);
      return refuse('FAIR_MISMATCH');
    }
    setReceived(Array.from({ length: total() || 1 }, (_, i) => i));
    setIssue(undefined);
    setPayloadId(r.payloadId);
    setPayload(parsed);
    performance.mark('qr-preview');
  };
  const offer = (p: PhonePayload, draftId: string, receivedAt: Instant): void => {
    // The server parsed it with the same schema; parse again here, as for any wire input (QR12).
    const parsed = PhonePayload.safeParse(p);
    if (!parsed.success) return refuse(refusal(parsed.error));
    if (parsed.data.fairId !== fairId()) return refuse('FAIR_MISMATCH');
    setIssue(undefined);
    setSource({ kind: 'online', draftId, receivedAt });
    setPayloadId(undefined);
    setPayload(parsed.data);
  };
  const reset = (): void => {
    setSource({ kind: 'qr' });
    assembler = createAssembler();
    lastText = '';
    setReceived([]);
    setTotal(0);
    setIssue(undefined);
    setIssues([]);
    setPayload(undefined);
    setPayloadId(undefined);
  };
  return { received, total, issue, issues, payload, payloadId, source, accept, offer, reset };
}
