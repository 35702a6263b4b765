import { expect, test } from 'vitest';
import { DESK_MESSAGES } from '../../src/app/i18n/desk-messages';
import { reportWords, figureWords } from '../../src/app/ui/report/report.messages';

/**
 * People read words: no rule id (CS7, DL9, R12…), no field name (previousFairId) and no code
 * (NR_INCOMPLETE) in any message a user sees, in either language. Rule ids stay in keys and code.
 */
const CODE = /\b(CS|DL|SY|BN|TX|CM|CN|RP|EV|R)\d+\b|\b[a-z]+[A-Z]\w*Id\b|\b[A-Z]+_[A-Z_]+\b/;

test('no developer code in any user-visible message, zh-CN or English', () => {
  const found: string[] = [];
  for (const messages of DESK_MESSAGES) {
    for (const [key, texts] of Object.entries(messages)) for (const text of [texts['zh-CN'], texts.en]) if (CODE.test(text)) found.push(`${key}: ${text}`);
  }
  for (const [key, words] of Object.entries(reportWords)) for (const text of Object.values(words)) if (CODE.test(text)) found.push(`report ${key}: ${text}`);
  for (const [key, [words]] of Object.entries(figureWords)) for (const text of Object.values(words)) if (CODE.test(text)) found.push(`figure ${key}: ${text}`);
  expect(found.join('\n')).toBe('');
});
