import type { z } from 'zod';
import { CaseEvent } from '../case/events';
import { Commitment, CommitmentBeforeHash } from '../commitment';
import { Consultation } from '../consultation';
import { Evidence } from '../evidence';
import { exhibitorSchemaFor } from '../exhibitor';
import type { BoothPatterns } from '../validators/booth';
import { Fair } from '../fair';
import type { RecordKind, SyncItem } from '../sync-item';
import type { RejectCode } from './protocol';
import { unstorable } from './storable';

/**
 * How the server (and a tablet receiving a pull or a bundle) checks an item's payload: the
 * domain schema of its kind, and that the payload is about the item's entity and fair. An item
 * that fails can never apply: the server answers `rejected` with the code and acknowledges it,
 * so one bad item never blocks a tablet's queue.
 */
/**
 * SY52: the server parses without the fair at hand, so a booth on the wire is any code the text
 * rule takes; the fair's own patterns (`settings.booth`) are checked where the booth is entered.
 * With the default patterns here, an exhibitor a looser fair admitted was stored on its tablet
 * and then rejected at push.
 */
export const WIRE_BOOTH: BoothPatterns = { hall: '^.{1,64}$', stand: '^.{1,64}$' };

const PAYLOAD_SCHEMAS = {
  fair: Fair,
  exhibitor: exhibitorSchemaFor(WIRE_BOOTH),
  case_event: CaseEvent,
  commitment: Commitment,
  consultation: Consultation,
  evidence_meta: Evidence,
} satisfies Record<RecordKind, z.ZodType>;

/** The payload field naming the item's `entityId`. */
const ENTITY_FIELD = {
  fair: 'id',
  exhibitor: 'id',
  case_event: 'caseId',
  commitment: 'id',
  consultation: 'id',
  evidence_meta: 'id',
} as const satisfies Record<RecordKind, string>;

export interface PayloadProblem {
  readonly code: RejectCode;
  readonly issues?: readonly { readonly path: string; readonly code: string }[];
}

export const payloadSchemaFor = (kind: RecordKind): z.ZodType => PAYLOAD_SCHEMAS[kind];

const issueCode = (message: string, code: string): string => (/^[A-Z][A-Z0-9_]*$/.test(message) ? message : code);

/** Why an item can never apply, or undefined when it is fine. */
export function checkPayload(item: SyncItem): PayloadProblem | undefined {
  const r = parsePayload(item);
  return r.ok ? undefined : r.problem;
}

/**
 * `checkPayload` that also hands back the parsed payload, so a reader that needs it (the pull
 * appliers, P5) parses each payload once, not twice.
 */
export function parsePayload(item: SyncItem): PayloadParse {
  return parseWith(item, PAYLOAD_SCHEMAS[item.kind]);
}

/**
 * `parsePayload` with every check but a signed commitment's content hash (CM1), which the caller
 * makes before it trusts the record (SY92: the tablet hashes a pulled page's by the platform).
 */
export function parsePayloadBeforeHash(item: SyncItem): PayloadParse {
  return parseWith(item, item.kind === 'commitment' ? CommitmentBeforeHash : PAYLOAD_SCHEMAS[item.kind]);
}

export type PayloadParse = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly problem: PayloadProblem };

function parseWith(item: SyncItem, schema: z.ZodType): PayloadParse {
  // SY51: what the server's storage refuses (quarantined before its parse) is refused here too,
  // also where the schema would only strip it (a NUL in an unknown key).
  const bad = unstorable(item.payload);
  if (bad !== undefined) return { ok: false, problem: { code: 'PAYLOAD_INVALID', issues: [{ path: '', code: bad }] } };
  const parsed = schema.safeParse(item.payload);
  if (!parsed.success) {
    return {
      ok: false,
      problem: {
        code: 'PAYLOAD_INVALID',
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), code: issueCode(i.message, i.code) })),
      },
    };
  }
  const data = parsed.data as Record<string, unknown>;
  // A fair item is the fair itself; other records name their fair.
  const fairOfPayload = item.kind === 'fair' ? data.id : data.fairId;
  if (typeof fairOfPayload === 'string' && fairOfPayload !== item.fairId) return { ok: false, problem: { code: 'WRONG_FAIR' } };
  const entity = data[ENTITY_FIELD[item.kind]];
  if (typeof entity === 'string' && entity !== item.entityId) return { ok: false, problem: { code: 'ENTITY_MISMATCH' } };
  return { ok: true, data };
}
