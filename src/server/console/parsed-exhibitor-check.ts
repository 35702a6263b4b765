import type { Exhibitor } from '../../domain/exhibitor';
import type { SyncItem } from '../../domain/sync-item';
import { boothSchemaFor } from '../../domain/validators/booth';
import { checkPayload, WIRE_BOOTH, type PayloadProblem } from '../../domain/wire/payload-parsers';

const wireBooth = boothSchemaFor(WIRE_BOOTH);

/**
 * The payload check of the push plan for exhibitors the console has just parsed with the fair's
 * own schema (CO23). That schema and the one `checkPayload` uses come from one builder
 * (exhibitor.ts `exhibitorSchemaFor`) and differ only in their booth patterns: the fair's
 * `settings.booth` against the wire's (SY52). So each booth is checked against the wire's
 * patterns, and the record's fair and id against the item's, instead of the whole record parsed
 * a second time; its text passed the storable check with the request's body (SY51). Anything
 * else, or a booth the wire would refuse, goes through `checkPayload` itself, so a refusal reads
 * exactly as the push path's.
 */
export function checkParsedExhibitor(item: SyncItem): PayloadProblem | undefined {
  if (item.kind !== 'exhibitor') return checkPayload(item);
  const e = item.payload as Exhibitor;
  if (!e.booths.every((b) => wireBooth.safeParse(b).success)) return checkPayload(item);
  if (e.fairId !== item.fairId) return { code: 'WRONG_FAIR' };
  if (e.id !== item.entityId) return { code: 'ENTITY_MISMATCH' };
  return undefined;
}
