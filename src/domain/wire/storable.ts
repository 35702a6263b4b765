/**
 * What PostgreSQL cannot keep, found before it is asked to (SY51).
 * JSON may carry U+0000 and unpaired surrogates (`"\u0000"`, `"\ud800"`), and any nesting, but
 * `text` refuses NUL, `jsonb` refuses both escapes, and deep nesting exhausts recursive code
 * (a stack overflow is a 500, not an answer). Walked without recursion, so the check itself
 * survives the 10,000 levels it refuses.
 */
export const UNSTORABLE_CODES = ['NUL', 'LONE_SURROGATE', 'TOO_DEEP'] as const;
export type Unstorable = (typeof UNSTORABLE_CODES)[number];

/** Far deeper than any record of the domain (a case event nests about six levels). */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One plain scan: almost every string has no surrogate at all, and needs no lookaround. */
const SURROGATE = /[\uD800-\uDFFF]/;

const badString = (s: string): Unstorable | undefined =>
  s.includes('\u0000') ? 'NUL' : SURROGATE.test(s) && LONE_SURROGATE.test(s) ? 'LONE_SURROGATE' : undefined;

/** Why `value` (parsed JSON) cannot be stored as it is, or undefined when it can. */
export function unstorable(value: unknown, maxDepth: number = MAX_JSON_DEPTH): Unstorable | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const v = next.value;
    if (typeof v === 'string') {
      const bad = badString(v);
      if (bad !== undefined) return bad;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (next.depth >= maxDepth) return 'TOO_DEEP';
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ value: x, depth: next.depth + 1 });
      continue;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const bad = badString(k);
      if (bad !== undefined) return bad;
      stack.push({ value: x, depth: next.depth + 1 });
    }
  }
  return undefined;
}

/**
 * An item whose payload the database cannot keep, with the payload replaced by the reason: the
 * domain schema then refuses it (PAYLOAD_INVALID), so the server acknowledges it as rejected
 * and keeps this stand-in, and one bad item never blocks a tablet's queue. Other items pass
 * unchanged (their other fields are checked by the wire schema).
 */
export function quarantined<T extends { readonly payload: unknown }>(item: T): T {
  const bad = unstorable(item.payload);
  return bad === undefined ? item : { ...item, payload: { unstorable: bad } };
}
