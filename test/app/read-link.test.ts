import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { toBase64Url } from '../../src/domain/wire/phone-link';
import { parsePhoneLink, phoneLinkFragment } from '../../src/domain/wire/phone-payload';
import { readPhoneLink } from '../../src/app/phone/read-link';
import { makeFair } from '../support/builders';

const fragment = (json: string): string => `#fair=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;

describe("the phone reads the desk's link with the browser's own inflate", () => {
  test('a fair link reads as the same link parsePhoneLink reads', async () => {
    const hash = `#${phoneLinkFragment(makeFair(), 'https://fair.example.cn')}`;
    const read = await readPhoneLink(hash);
    expect(read).toBeDefined();
    expect(read).toEqual(parsePhoneLink(hash));
  });

  test('no fragment, bytes that are not DEFLATE, JSON that is not a fair, and a link over 64 KB read as no link', async () => {
    expect(await readPhoneLink('')).toBeUndefined();
    expect(await readPhoneLink(`#fair=${toBase64Url(strToU8('plain text, not deflated'))}`)).toBeUndefined();
    expect(await readPhoneLink(fragment(JSON.stringify({ v: 1, fair: { id: 'x' } })))).toBeUndefined();
    const link = JSON.parse(JSON.stringify({ v: 1, fair: makeFair() })) as { fair: { nameZh: string } };
    const huge = JSON.stringify({ ...link, pad: 'x'.repeat(70 * 1024) });
    expect(parsePhoneLink(fragment(huge))).toBeUndefined();
    expect(await readPhoneLink(fragment(huge))).toBeUndefined();
  });
});
