import { fieldErrors, type FieldError } from '../field-errors';
import type { SyncItem } from '../sync-item';
import { parsePayload, payloadSchemaFor } from './payload-parsers';
import type { Unstorable } from './storable';

/**
 * SY50: the server's verdict on an item's content, as field errors a tablet can show. A tablet
 * asks before it stores an item of its own log: an item the server would reject never enters
 * the outbox, so a case can never be stuck on the tablet for its content.
 */
const UNSTORABLE_FIELD_CODE = { NUL: 'CONTROL_CHARACTER', LONE_SURROGATE: 'LONE_SURROGATE', TOO_DEEP: 'INVALID' } as const satisfies Record<Unstorable, string>;

/** Why the server would reject `item` for its content, or undefined when it would take it. */
export function itemFieldErrors(item: SyncItem): readonly FieldError[] | undefined {
  const r = parsePayload(item);
  if (r.ok) return undefined;
  const { problem } = r;
  if (problem.code !== 'PAYLOAD_INVALID') return [{ field: '', code: 'INVALID_VALUE', params: { reason: problem.code } }];
  const unstorable = problem.issues?.find((i) => i.path === '' && i.code in UNSTORABLE_FIELD_CODE);
  if (unstorable !== undefined) return [{ field: '', code: UNSTORABLE_FIELD_CODE[unstorable.code as Unstorable], params: {} }];
  // Only on failure: parsed again for field errors with their parameters.
  const parsed = payloadSchemaFor(item.kind).safeParse(item.payload);
  return parsed.success ? [{ field: '', code: 'INVALID', params: {} }] : fieldErrors(parsed.error, item.payload);
}
