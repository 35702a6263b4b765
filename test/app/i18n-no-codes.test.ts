import { expect, test } from 'vitest';
import { en } from '../../src/app/i18n/en';
import { zh } from '../../src/app/i18n/zh';
import { deskAEn, deskAZh } from '../../src/app/i18n/desk-a';
import { deskBEn, deskBZh } from '../../src/app/i18n/desk-b';
import { phoneEn, phoneIntakeEn, phoneIntakeZh, phoneZh } from '../../src/app/i18n/phone';
import { bundleEn, bundleZh } from '../../src/app/i18n/bundle';
import { summaryEn, summaryZh } from '../../src/app/i18n/summary';
import { syncEn, syncZh } from '../../src/app/i18n/sync';
import { reportWords, figureWords } from '../../src/app/ui/report/report.messages';

/**
 * People read words: no rule id (CS7, DL9, R12…), no field name (previousFairId) and no code
 * (NR_INCOMPLETE) in any message a user sees, in either language. Rule ids stay in keys and code.
 */
const CODE = /\b(CS|DL|SY|BN|TX|CM|CN|RP|EV|R)\d+\b|\b[a-z]+[A-Z]\w*Id\b|\b[A-Z]+_[A-Z_]+\b/;

test('no developer code in any user-visible message, zh-CN or English', () => {
  const dictionaries = { zh, en, deskAZh, deskAEn, deskBZh, deskBEn, phoneZh, phoneEn, phoneIntakeZh, phoneIntakeEn, bundleZh, bundleEn, summaryZh, summaryEn, syncZh, syncEn };
  const found: string[] = [];
  for (const [name, dict] of Object.entries(dictionaries)) {
    for (const [key, text] of Object.entries(dict as Record<string, string>)) if (CODE.test(text)) found.push(`${name} ${key}: ${text}`);
  }
  for (const [key, words] of Object.entries(reportWords)) for (const text of Object.values(words)) if (CODE.test(text)) found.push(`report ${key}: ${text}`);
  for (const [key, [words]] of Object.entries(figureWords)) for (const text of Object.values(words)) if (CODE.test(text)) found.push(`figure ${key}: ${text}`);
  expect(found.join('\n')).toBe('');
});
