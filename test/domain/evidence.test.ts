import { describe, expect, test } from 'vitest';
import { Evidence, MAX_EVIDENCE_BYTES, Sha256Hex } from '../../src/domain/evidence';
import { parseFields } from '../../src/domain/field-errors';
import { ulidOf } from '../support/builders';

const HASH = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const input = (over: Record<string, unknown> = {}) => ({
  id: ulidOf(1, '01V'),
  caseId: ulidOf(1, '01K'),
  kind: 'photo',
  sha256: HASH,
  mime: 'image/jpeg',
  bytes: 2_400_000,
  capturedAt: '2025-04-16T02:30:00.000Z',
  capturedBy: ulidOf(1, '01H'),
  deviceId: ulidOf(1, '01D'),
  ...over,
});
const errors = (i: unknown) => {
  const r = parseFields(Evidence, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Evidence: hash and chain of custody (EN13)', () => {
  test('a photo parses; the hash is normalised to lower-case hex', () => {
    expect(Evidence.parse(input({ sha256: HASH.toUpperCase(), mime: 'Image/JPEG' }))).toMatchObject({ sha256: HASH, mime: 'image/jpeg' });
    expect(Sha256Hex.safeParse('xyz').success).toBe(false);
    // A commitment's signature has no case.
    expect(errors(input({ caseId: undefined, kind: 'signature', mime: 'image/png' }))).toEqual([]);
  });

  test('at most 20 MB', () => {
    expect(errors(input({ bytes: MAX_EVIDENCE_BYTES }))).toEqual([]);
    expect(errors(input({ bytes: MAX_EVIDENCE_BYTES + 1 }))).toEqual(['bytes:TOO_BIG']);
    expect(errors(input({ bytes: 0 }))).toEqual(['bytes:TOO_SMALL']);
    expect(errors(input({ bytes: 1.5 }))).toEqual(['bytes:INVALID_TYPE']);
  });

  test('the media type fits the kind', () => {
    expect(errors(input({ kind: 'photo', mime: 'application/pdf' }))).toEqual(['mime:MIME_NOT_ALLOWED']);
    expect(errors(input({ kind: 'document', mime: 'application/pdf' }))).toEqual([]);
    expect(errors(input({ kind: 'video', mime: 'video/mp4' }))).toEqual([]);
    expect(errors(input({ mime: 'jpeg' }))).toEqual(['mime:INVALID_FORMAT']);
  });

  test('bad input: missing custody facts, wrong types, bad hash, unknown kind', () => {
    expect(errors(input({ capturedAt: undefined, capturedBy: undefined, deviceId: undefined }))).toEqual([
      'capturedAt:REQUIRED',
      'capturedBy:REQUIRED',
      'deviceId:REQUIRED',
    ]);
    expect(errors(input({ sha256: HASH.slice(1) }))).toEqual(['sha256:INVALID_FORMAT']);
    expect(errors(input({ kind: 'audio' }))).toEqual(['kind:INVALID_VALUE']);
    expect(errors(input({ capturedAt: '2025-04-16 10:30' }))).toEqual(['capturedAt:INSTANT']);
    expect(errors(input({ bytes: '2400000' }))).toEqual(['bytes:INVALID_TYPE']);
  });
});
