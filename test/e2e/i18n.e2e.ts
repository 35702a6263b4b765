import { expect, test } from 'vitest';
import { en, zh } from '../support/messages';
import { BASE_MESSAGES } from '../../src/app/i18n/base-messages';
import { FIELD_ERROR_CODES } from '../../src/domain/field-errors';
import { IP_TYPES, MEASURE_CODES, NOT_ACCEPTED_REASONS } from '../../src/domain/codes';

/**
 * The shell's messages in Node: both languages say something for every key, with the same
 * parameters, and every code the screens show has its words. (The key sets are equal by type.)
 */
const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

test('every message is non-empty in zh-CN and English and both use the same parameters', () => {
  for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
    expect(zh[key].trim(), key).not.toBe('');
    expect(en[key].trim(), key).not.toBe('');
    expect(params(en[key]), key).toEqual(params(zh[key]));
  }
});

test('every domain field-error code, IP type, measure and refusal reason has its words', () => {
  const keys = new Set(Object.keys(zh));
  const wanted = [
    ...FIELD_ERROR_CODES.map((c) => `err.${c}`),
    ...IP_TYPES.map((c) => `ipType.${c}`),
    ...MEASURE_CODES.map((c) => `measure.${c}`),
    ...NOT_ACCEPTED_REASONS.map((c) => `reason.${c}`),
  ];
  expect(wanted.filter((k) => !keys.has(k))).toEqual([]);
});

test('zh-CN messages are Chinese, English ones are not', () => {
  const han = /\p{Script=Han}/u;
  // Keys whose text is the same in both (language names, brand) are exempt.
  const exempt = new Set(['app.short', 'lang.zh-CN', 'lang.en', 'status.language']);
  // The base share (codes, shell, fair settings, exhibitors): other files hold codes and names as
  // they are written in both languages (a SHA-256 label, a brand).
  for (const key of BASE_MESSAGES.flatMap((m) => Object.keys(m)) as (keyof typeof zh)[]) {
    if (exempt.has(key)) continue;
    expect(han.test(zh[key]), `zh ${key}`).toBe(true);
    expect(han.test(en[key]), `en ${key}`).toBe(false);
  }
});
