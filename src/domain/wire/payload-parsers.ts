import type { z } from 'zod';
import { Fair } from '../fair';
import type { RecordKind, SyncItem } from '../sync-item';
import type { RejectCode } from './protocol';

/**
 * How the server (and a tablet receiving a pull or a bundle) checks an item's payload: the
 * domain schema of its kind. A kind without a schema yet is accepted as any JSON value; add the
 * schema here when the entity lands, and every boundary uses it.
 */
const PAYLOAD_SCHEMAS: Partial<Record<RecordKind, z.ZodType>> = {
  fair: Fair,
};

export interface PayloadProblem {
  readonly code: RejectCode;
  readonly issues?: readonly { readonly path: string; readonly code: string }[];
}

/** The payload schema for a kind (undefined: not checked yet). */
export const payloadSchemaFor = (kind: RecordKind): z.ZodType | undefined => PAYLOAD_SCHEMAS[kind];

/** Why an item can never apply, or undefined when it is fine. */
export function checkPayload(item: SyncItem): PayloadProblem | undefined {
  const schema = PAYLOAD_SCHEMAS[item.kind];
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(item.payload);
  if (!parsed.success) {
    return {
      code: 'PAYLOAD_INVALID',
      issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), code: i.message.length <= 40 && /^[A-Z_]+$/.test(i.message) ? i.message : i.code })),
    };
  }
  // A fair item is the fair itself: its id is the item's fair and entity.
  if (item.kind === 'fair') {
    const fair = parsed.data as { id: string };
    if (fair.id !== item.fairId || item.entityId !== item.fairId) return { code: 'ENTITY_MISMATCH' };
  }
  return undefined;
}
