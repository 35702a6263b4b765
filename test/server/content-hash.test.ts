import fc from 'fast-check';
import { expect, test } from 'vitest';
import { canonicalJson } from '../../src/server/storage/content-hash';
import { fcSeed } from '../support/fc-seed';

/** The definition, written the plain way: every object's keys sorted, undefined members dropped. */
function reference(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`);
  return `{${members.join(',')}}`;
}

test('canonical JSON of records whose keys come sorted, unsorted or numeric is the sorted-keys definition', () => {
  const seed = fcSeed('canonical JSON');
  const key = fc.oneof(fc.string(), fc.constantFrom('a', 'b', 'z', 'A', '1', '10', '2', 'é', '展'));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), tie('record'), fc.array(tie('value'), { maxLength: 4 })),
    record: fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 8 }),
  }));
  fc.assert(
    fc.property(json.value, (value) => {
      expect(canonicalJson(value)).toBe(reference(value));
    }),
    { seed, numRuns: 500 },
  );
  expect(canonicalJson({ a: 1, b: { c: 2, d: [3] } })).toBe('{"a":1,"b":{"c":2,"d":[3]}}');
  expect(canonicalJson({ b: 1, a: 2, 10: 'x', 2: 'y' })).toBe('{"10":"x","2":"y","a":2,"b":1}');
});

test('canonical JSON of values JSON.stringify writes otherwise is the sorted-keys definition', () => {
  const seed = fcSeed('canonical JSON, odd values');
  const key = fc.constantFrom('a', 'b', '0', '1', '10', '9x', '__proto__', 'toJSON', 'Z');
  const odd = fc.constantFrom<unknown>(new Date(0), () => 1, Symbol('s'), Number.NaN, -0, Infinity, new Uint8Array([1, 2]), undefined);
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, tie('record'), fc.array(tie('value'), { maxLength: 3 })),
    record: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  }));
  fc.assert(
    fc.property(json.value, (value) => {
      expect(canonicalJson(value)).toBe(reference(value));
    }),
    { seed, numRuns: 500 },
  );
  expect(canonicalJson(JSON.parse('{"__proto__":{"b":1,"a":2},"z":[{"y":1,"x":null}]}'))).toBe('{"__proto__":{"a":2,"b":1},"z":[{"x":null,"y":1}]}');
  expect(canonicalJson({ at: new Date(0), b: [undefined, 1] })).toBe('{"at":{},"b":[null,1]}');
});
