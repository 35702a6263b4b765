import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { FIELD_ERROR_CODES, fieldErrors, parseFields } from '../../src/domain/field-errors';
import { Text } from '../../src/domain/text';
import { Booth } from '../../src/domain/validators/booth';
import { Uscc } from '../../src/domain/validators/uscc';

/** A nested form like a complaint's, to show dotted paths. */
const Form = z.object({
  respondent: z.object({ name: Text(1, 10), uscc: Uscc.optional(), booth: Booth }),
  code: Text(3, 5),
  tags: z.array(z.string()).max(2),
  count: z.number().int().min(1).max(9),
  kind: z.enum(['a', 'b']),
  when: z.discriminatedUnion('k', [z.object({ k: z.literal('x') })]),
});

const ok = {
  respondent: { name: '某某', booth: { hall: '9.2', stand: 'E16' } },
  code: 'abcd',
  tags: [],
  count: 1,
  kind: 'a',
  when: { k: 'x' },
};

describe('ZodError → field errors (CD7)', () => {
  test('paths are dotted, codes stable UPPER_SNAKE with params', () => {
    const input = {
      ...ok,
      respondent: { name: '某'.repeat(11), uscc: '91350100M000100Y44', booth: { hall: '9.2' } },
      code: 'ab',
      tags: ['1', '2', '3'],
      count: 10,
      kind: 'c',
      when: { k: 'y' },
    };
    const r = parseFields(Form, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'respondent.name', code: 'TOO_LONG', params: { max: 10 } },
      { field: 'respondent.uscc', code: 'USCC_CHECK_DIGIT', params: {} },
      { field: 'respondent.booth.stand', code: 'REQUIRED', params: { expected: 'string' } },
      { field: 'code', code: 'TOO_SHORT', params: { min: 3 } },
      { field: 'tags', code: 'TOO_MANY', params: { max: 2 } },
      { field: 'count', code: 'TOO_BIG', params: { max: 9, inclusive: true } },
      { field: 'kind', code: 'INVALID_VALUE', params: { allowed: 'a|b' } },
      { field: 'when.k', code: 'INVALID_VALUE', params: {} },
    ]);
  });

  test('a wrong type is INVALID_TYPE, a missing value REQUIRED, with or without the input', () => {
    const input = { ...ok, count: 'one', respondent: undefined };
    const r = Form.safeParse(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const expected = [
      { field: 'respondent', code: 'REQUIRED', params: { expected: 'object' } },
      { field: 'count', code: 'INVALID_TYPE', params: { expected: 'number' } },
    ];
    expect(fieldErrors(r.error, input)).toEqual(expected);
    expect(fieldErrors(r.error)).toEqual(expected);
  });

  test('an empty required text is REQUIRED, the whole input has field ""', () => {
    const r = parseFields(Form, null);
    expect(!r.ok && r.errors).toEqual([{ field: '', code: 'REQUIRED', params: { expected: 'object' } }]);
    const blank = parseFields(Form, { ...ok, respondent: { ...ok.respondent, name: '  ' } });
    expect(!blank.ok && blank.errors).toEqual([{ field: 'respondent.name', code: 'REQUIRED', params: { min: 1 } }]);
  });

  test('custom refinements carry their code and scalar params; sentences are never codes', () => {
    const S = z.object({ a: z.string() }).superRefine((_v, ctx) => {
      ctx.addIssue({ code: 'custom', message: 'GUARD_FAILED:CS14', path: ['a'], params: { hours: 24, nested: { no: 1 } } });
      ctx.addIssue({ code: 'custom', message: 'something went wrong', path: ['a'] });
    });
    const r = parseFields(S, { a: 'x' });
    expect(!r.ok && r.errors).toEqual([
      { field: 'a', code: 'GUARD_FAILED:CS14', params: { hours: 24 } },
      { field: 'a', code: 'INVALID', params: {} },
    ]);
  });

  test('unknown keys of a strict object are UNKNOWN_FIELD', () => {
    const r = parseFields(z.strictObject({ a: z.string() }), { a: 'x', b: 1 });
    expect(!r.ok && r.errors).toEqual([{ field: '', code: 'UNKNOWN_FIELD', params: { keys: 'b' } }]);
  });
});

describe('the code catalogue the app translates', () => {
  // The entity files (EN4–EN18) and the modules they build on.
  const FILES = [
    'exhibitor', 'party', 'ip-right', 'commitment', 'evidence', 'measure', 'consultation', 'outreach', 'inspection',
    'sanction', 'field-errors', 'canonical-json', 'case/checklist', 'case/case-number', 'text', 'time', 'ids', 'fair', 'hlc',
    'validators/uscc', 'validators/resident-id', 'validators/patent', 'validators/trademark', 'validators/phone',
    'validators/booth', 'validators/country', 'validators/record-meta',
  ];

  test('every code these schemas can emit is in FIELD_ERROR_CODES', () => {
    const emitted = new Set<string>();
    for (const f of FILES) {
      const src = readFileSync(fileURLToPath(new URL(`../../src/domain/${f}.ts`, import.meta.url)), 'utf8');
      for (const m of src.matchAll(/(?:message: |domainError\()'([A-Z][A-Z0-9_:]*)'/g)) emitted.add(m[1] ?? '');
    }
    expect(emitted.size).toBeGreaterThan(20);
    expect([...emitted].filter((c) => !(FIELD_ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
