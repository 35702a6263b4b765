import { expect, test } from 'vitest';
import { parsePhoneLink, phoneLinkFragment } from '../../../src/domain/wire/phone-payload';
import { codeInPhonePath, phoneFair, PublicFairReply } from '../../../src/domain/wire/public-fair';
import { makeFair } from '../../support/builders';

test('[PI10] the code of a typed phone address: any case, a trailing slash, a full-width copy; none for a bare, foreign or non-code path', () => {
  expect(codeInPhonePath('/p/CF138')).toBe('CF138');
  expect(codeInPhonePath('/p/cf138/')).toBe('CF138');
  expect(codeInPhonePath('/p/%EF%BC%A3%EF%BC%A6137')).toBe('CF137');
  // S and Z are not in the fair-code alphabet.
  expect(codeInPhonePath('/p/SZBF26')).toBeUndefined();
  expect(codeInPhonePath('/p/')).toBeUndefined();
  expect(codeInPhonePath('/p')).toBeUndefined();
  expect(codeInPhonePath('/p/CF138/x')).toBeUndefined();
  expect(codeInPhonePath('/p/%E0%A4%A')).toBeUndefined();
  expect(codeInPhonePath('/cases/CF137')).toBeUndefined();
});

test('[PI10] the reply and the QR link carry the same public fields of a fair, which parse back to its form rules', () => {
  const fair = makeFair({ settings: { acceptedIpTypes: ['trademark', 'gi'], authorities: [{ name: '市场监督管理局', kind: 'admin' }] } });
  const reply = PublicFairReply.parse({ type: 'public-fair', fair: phoneFair(fair) });
  const link = parsePhoneLink(phoneLinkFragment(fair));
  expect(link?.fair).toEqual(reply.fair);
  expect(reply.fair.settings.acceptedIpTypes).toEqual(['trademark', 'gi']);
  expect(reply.fair.settings.authorities).toEqual([]);
  expect(reply.fair.days).toEqual(fair.days);
});
