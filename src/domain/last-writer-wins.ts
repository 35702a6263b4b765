import { compareHlc } from './hlc';
import type { Hlc } from './hlc';

/**
 * Which version of a mutable record (a fair, an exhibitor) is the current one, for every reader
 * alike: a tablet's pull and bundle appliers, its own edits, and the server's reports (SY22–SY24).
 * The greatest hybrid clock wins (SY20); equal clocks are told apart by item id (SY21). So the
 * current version depends only on the set of versions, never on their arrival order.
 */

/** One version of a record: the item that carried it (its clock and its id). */
export interface Version {
  readonly hlc: Hlc;
  readonly id: string;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` loses to `b`, positive when it wins, 0 for the same version (SY20, SY21). */
export const compareVersions = (a: Version, b: Version): number => compareHlc(a.hlc, b.hlc) || cmp(a.id, b.id);

/** True when `candidate` replaces `current` (nothing known yet: it does). The same version again does not. */
export const supersedes = (candidate: Version, current: Version | undefined): boolean =>
  current === undefined || compareVersions(candidate, current) > 0;

/** The winning version among `versions`; undefined for none. */
export function pickLatest<V extends Version>(versions: Iterable<V>): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (supersedes(v, best)) best = v;
  return best;
}

/** The winning version of each record, by the record's id. */
export function latestPerEntity<V extends Version & { readonly entityId: string }>(versions: Iterable<V>): Map<string, V> {
  const out = new Map<string, V>();
  for (const v of versions) if (supersedes(v, out.get(v.entityId))) out.set(v.entityId, v);
  return out;
}
