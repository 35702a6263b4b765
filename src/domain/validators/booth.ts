import { z } from 'zod';
import { FairSettings } from '../fair';
import { CodeText } from '../text';

/**
 * A booth is a hall and a stand, upper-cased (full-width forms folded) and checked against the
 * fair's patterns (VA6; `settings.booth`, FS17). Its key `hall/stand` is how inspections,
 * cases and exhibitors refer to the same booth.
 */
export interface BoothPatterns {
  readonly hall: string;
  readonly stand: string;
}

/** The §3 defaults, read from the fair settings so the patterns live in one place. */
export const DEFAULT_BOOTH_PATTERNS: BoothPatterns = FairSettings.parse({}).booth;

const build = (p: BoothPatterns) =>
  z.object({
    hall: CodeText(new RegExp(p.hall), 'INVALID_FORMAT'),
    stand: CodeText(new RegExp(p.stand), 'INVALID_FORMAT'),
  });

/** A booth with the default patterns. */
export const Booth = build(DEFAULT_BOOTH_PATTERNS);
export type Booth = z.infer<typeof Booth>;

const patternKey = (p: BoothPatterns): string => `${p.hall}\n${p.stand}`;
const cache = new Map<string, typeof Booth>([[patternKey(DEFAULT_BOOTH_PATTERNS), Booth]]);

/** The booth schema for one fair's `settings.booth` patterns (cached per pattern pair). */
export function boothSchemaFor(patterns: BoothPatterns): typeof Booth {
  const key = patternKey(patterns);
  let schema = cache.get(key);
  if (schema === undefined) {
    schema = build(patterns);
    cache.set(key, schema);
  }
  return schema;
}

export type BoothKey = `${string}/${string}`;
export const boothKey = (b: Booth): BoothKey => `${b.hall}/${b.stand}`;
/** Same booth, by key: `boothKey` compares normalised values. */
export const sameBooth = (a: Booth, b: Booth): boolean => boothKey(a) === boothKey(b);

/** Reads a `hall/stand` key back (QR payloads, URLs); `undefined` if it is not one or fails the patterns. */
export function parseBoothKey(key: string, patterns: BoothPatterns = DEFAULT_BOOTH_PATTERNS): Booth | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const r = boothSchemaFor(patterns).safeParse({ hall: key.slice(0, slash), stand: key.slice(slash + 1) });
  return r.success ? r.data : undefined;
}
