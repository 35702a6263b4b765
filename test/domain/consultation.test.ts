import { describe, expect, test } from 'vitest';
import { Consultation } from '../../src/domain/consultation';
import { parseFields } from '../../src/domain/field-errors';
import { ulidOf } from '../support/builders';
import { meta } from '../support/entity-builders';

const input = (over: Record<string, unknown> = {}) => ({
  id: ulidOf(1, '01Q'),
  fairId: ulidOf(1, '01F'),
  at: '2025-04-16T02:30:00.000Z',
  channel: 'desk',
  askerKind: 'exhibitor',
  ipType: 'design',
  topic: ' 外观设计近似判断 ',
  opinionGiven: true,
  ...meta(),
  ...over,
});
const errors = (i: unknown) => {
  const r = parseFields(Consultation, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Consultation (EN15, R16/R17)', () => {
  test('parses, topic trimmed; the IP type is optional', () => {
    expect(Consultation.parse(input()).topic).toBe('外观设计近似判断');
    expect(errors(input({ ipType: undefined }))).toEqual([]);
  });

  test('bad input: missing fields, wrong types, overlong topic, unknown codes', () => {
    expect(errors(input({ topic: undefined, opinionGiven: undefined }))).toEqual(['topic:REQUIRED', 'opinionGiven:REQUIRED']);
    expect(errors(input({ opinionGiven: 'yes' }))).toEqual(['opinionGiven:INVALID_TYPE']);
    expect(errors(input({ topic: '问'.repeat(501) }))).toEqual(['topic:TOO_LONG']);
    expect(errors(input({ askerKind: 'journalist' }))).toEqual(['askerKind:INVALID_VALUE']);
    expect(errors(input({ ipType: 'patent' }))).toEqual(['ipType:INVALID_VALUE']);
    expect(errors(input({ at: '2025-04-16' }))).toEqual(['at:INSTANT']);
  });
});
