import { fairClauseSet, type ClauseSet } from '../../domain/commitment-templates';
import type { Fair } from '../../domain/fair';
import { lookUpFair } from './fair-by-code';

/**
 * PI11: the clauses the phone may let an exhibitor sign. A built-in template is compiled in; a
 * fair's own wording only as the server answers it (PI10), never from the link (too long for it).
 * Undefined: the phone cannot show the fair's wording, so it offers no commitment form.
 */
export function knownClauses(fair: Fair): ClauseSet | undefined {
  const s = fair.settings;
  if (s.commitmentTemplate === 'custom' && s.commitmentClauses === undefined) return undefined;
  return fairClauseSet(s);
}

/** PI11: online, the wording of the link's fair from its code; undefined offline or for another fair. */
export async function fetchClauses(fair: Fair): Promise<ClauseSet | undefined> {
  const found = await lookUpFair(fair.code);
  return found.kind === 'found' && found.fair.id === fair.id ? knownClauses(found.fair) : undefined;
}
