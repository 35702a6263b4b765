import { describe, expect, test } from 'vitest';
import { ERROR_CODES, REJECT_CODES } from '../../src/domain/wire/protocol';
import { QR_ERROR_CODES } from '../../src/domain/wire/qr/frame';
import { BUNDLE_ERROR_CODES } from '../../src/domain/wire/bundle';
import { FIELD_ERROR_CODES } from '../../src/domain/field-errors';
import type { BundleMessageKey } from '../../src/app/i18n/bundle';
import { isMessageKey, tIn } from './messages';

/**
 * Every code a hostile input can produce has words in the app, in zh-CN and in
 * English: the server's refusals and item rejections (said by the sync screen, `sync.error.*`),
 * the QR hand-off's (`qr.*`), the bundle file's (`bundle.error.*`), the domain's field errors
 * (`err.*`) and the import's read failures. The code lists are the wire's own, so a new code
 * without text fails here. English text has no Chinese characters and the Chinese text has some,
 * so a key present in only one dictionary (the lookup falls back to zh-CN) is caught too.
 */
const HAN = /\p{Script=Han}/u;

function expectWorded(key: string): void {
  expect(isMessageKey(key), `${key} has no message`).toBe(true);
  if (!isMessageKey(key)) return;
  const zh = tIn('zh-CN', key);
  const en = tIn('en', key);
  expect(zh, key).not.toBe(key);
  expect(HAN.test(zh), `${key} zh-CN: ${zh}`).toBe(true);
  expect(HAN.test(en), `${key} en: ${en}`).toBe(false);
  expect(en.length, key).toBeGreaterThan(0);
}

describe('every error code has zh-CN and English text', () => {
  test('server refusals and version answers: sync.error.*', () => {
    for (const code of [...ERROR_CODES, 'CLIENT_TOO_OLD', 'SERVER_TOO_OLD']) expectWorded(`sync.error.${code}`);
  });

  test('item rejections of a push: sync.error.*', () => {
    for (const code of REJECT_CODES) expectWorded(`sync.error.${code}`);
  });

  test('QR hand-off refusals: qr.*', () => {
    for (const code of [...QR_ERROR_CODES, 'PAYLOAD_INVALID', 'PAYLOAD_TEXT', 'FAIR_MISMATCH']) expectWorded(`qr.${code}`);
  });

  test('field errors of the domain (import rows, forms): err.*', () => {
    for (const code of [...FIELD_ERROR_CODES, 'DUPLICATE_BOOTH_IN_FILE', 'BOOTH_TAKEN']) expectWorded(`err.${code}`);
  });

  test('import read failures', () => {
    for (const key of ['import.unknownFormat', 'import.unreadable']) expectWorded(key);
  });

  test('bundle refusals: bundle.error.*', () => {
    for (const code of BUNDLE_ERROR_CODES) {
      const key = `bundle.error.${code}` as BundleMessageKey;
      const zh = tIn('zh-CN', key);
      const en = tIn('en', key);
      expect(HAN.test(zh ?? ''), `${key} zh-CN`).toBe(true);
      expect(en !== undefined && en.length > 0 && !HAN.test(en), `${key} en`).toBe(true);
    }
  });
});
