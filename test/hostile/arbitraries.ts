import fc from 'fast-check';

/**
 * fast-check generators of hostile input, shared by every boundary of the suite:
 * strings with NUL, lone surrogates, bidi overrides, markup, path tricks and formula
 * starts; random JSON built from them; a valid value with one field made wrong; nesting deep
 * enough to break a recursive parser; bytes that are not UTF-8.
 */

/** Single characters and short pieces that break naive code. */
const NASTY_UNITS = [
  '\u0000', '\u0001', '\ud800', '\udfff', '\u202e', '\u200b', '\ufeff', '\uffff', '\r', '\n', '\t',
  // The rest of what the text rule refuses (TX3, TX5: DEL, C1, embeddings, isolates) and punctuation it keeps (TX2).
  '\u007f', '\u0085', '\u009b', '\u202a', '\u2066', '\u2069', '（', '；',
  '"', "'", '\\', '<', '>', '&', '%00', '%2f', '%2e', '..', '/', '\\\\', ':', '=', '+', '-', '@', '${', '{{', '𠮷', '中',
];
const unit = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_UNITS) },
);

/** Whole strings an attacker would try first. */
const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'null', 'undefined', 'NaN', '[]', '{}', '__proto__', 'constructor',
  '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '%2e%2e%2f', 'C:\\Windows\\win.ini', '/etc/passwd', 'file:///etc/passwd',
  '<script>window.__pwned=1</script>', '<img src=x onerror=window.__pwned=1>', "'; drop table users; --", '" or 1=1 --',
  '=HYPERLINK("http://x","y")', '+1+cmd|calc', '@SUM(1)', '-2+3', '\t=1', '\r=1',
  'FC1:', 'FCE1:', 'Bearer ', '0'.repeat(26), 'Z'.repeat(26), 'a'.repeat(64), 'A'.repeat(64), '9'.repeat(400),
  '1e308', '-0', '0x10', '١٢٣', '𝟙𝟚𝟛', '\u202egnp.exe',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit, maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '中', '\u0000', '<b>'), fc.integer({ min: 65, max: 12_000 })).map(([s, n]) => s.repeat(n)) },
);

/** Numbers a schema might not expect. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, its strings hostile. */
export const hostileJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4, stringUnit: unit });

/** A value of another shape than the one in place: what "schema-shaped but wrong" puts in a field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { $ne: null }, '__proto__'),
  hostileJson,
);

type Path = readonly (string | number)[];
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function setAt(value: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
    return copy;
  }
  (copy as Record<string | number, unknown>)[head as string] = setAt((copy as Record<string | number, unknown>)[head as string], rest, replacement, remove);
  return copy;
}

/** `valid` with one field (at any depth) replaced by a wrong value, or removed. */
export const mutated = (valid: unknown): fc.Arbitrary<unknown> => {
  const paths = pathsOf(valid).filter((p) => p.length > 0);
  return fc.tuple(fc.constantFrom(...paths), wrongValue, fc.integer({ min: 0, max: 3 })).map(([path, replacement, roll]) => setAt(valid, path, replacement, roll === 0));
};

/** JSON text nested `depth` levels (arrays or objects), optionally as the value of a field of `host`. */
export const deepJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const deepBody = (host: unknown): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 1000, max: 10_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'), fc.boolean(), fc.constantFrom(...pathsOf(host).filter((p) => p.length === 1))).map(
    ([depth, kind, inField, path]) => {
      const deep = deepJson(depth, kind);
      if (!inField || host === null || typeof host !== 'object') return deep;
      const marker = '"__DEEP__"';
      return JSON.stringify(setAt(host, path, '__DEEP__', false)).replace(marker, deep);
    },
  );

/** Bytes that are not UTF-8 (lone continuation bytes, overlong forms, surrogates, truncated sequences), in JSON-ish text. */
export const badUtf8: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe4, 0xb8], [0xff], [0xfe, 0xff]), fc.string({ maxLength: 20 }))
  .map(([a, bad, b]) => {
    const enc = new TextEncoder();
    return new Uint8Array([...enc.encode(`{"name":"${a}`), ...bad, ...enc.encode(`${b}"}`)]);
  });

/** Content types that are not JSON, or JSON in disguise. */
export const wrongContentType: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(undefined, '', 'text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonp', 'application/json-patch+json', 'json', 'application/octet-stream', 'image/jpeg', 'application/zip', 'text/json', '*/*'),
  hostileString.map((s) => s.slice(0, 200)).filter((s) => !/^application\/json(\s*;|$)/i.test(s) && /^[\x20-\x7e]*$/.test(s)),
);

/** A path segment or query value an attacker would send: encoded or raw tricks, very long ids. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2f', '%00', 'a%00b', '%252e%252e%252f', '..%5c..%5c', '%c0%ae%c0%ae%2f', '%ff', '%', '%zz', '%E2%80%AE', '.', '..', '~', '*', '%20', 'a'.repeat(10_000), '0'.repeat(65), `${'a'.repeat(64)}%00`, `${'a'.repeat(64)}%2f..`),
  hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))),
);
