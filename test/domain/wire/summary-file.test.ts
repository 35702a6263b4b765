import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import { SummaryFile, summaryFileSignedText } from '../../../src/domain/wire/summary-file';
import { makeFair } from '../../support/builders';
import { session } from '../report/session-builder';

const fair = makeFair({ code: 'YW26', sessionNo: 26 });
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawPublic = (publicKey.export({ format: 'jwk' }).x as string);
const publicHex = Buffer.from(rawPublic, 'base64url').toString('hex');

function signedFile(): SummaryFile {
  const unsigned = {
    format: 'faircase-summary' as const,
    formatVersion: 1 as const,
    fair: { id: fair.id, code: fair.code, nameZh: '义乌小商品博览会（第26届）', nameEn: 'Yiwu Fair', sessionNo: 26, region: '330000' as const, firstDay: '2026-11-24', organizer: '义乌市展会办' },
    revision: 1,
    final: true,
    exportedAt: '2026-12-01T08:00:00.000Z',
    summary: JSON.parse(JSON.stringify(postShowSummary(session(fair, [])))),
    signer: { alg: 'Ed25519' as const, publicKey: publicHex },
  };
  const signature = sign(null, Buffer.from(summaryFileSignedText(unsigned)), privateKey).toString('hex');
  return SummaryFile.parse({ ...unsigned, signature });
}

const verifies = (file: SummaryFile): boolean => {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(file.signer.publicKey, 'hex').toString('base64url') }, format: 'jwk' });
  return verify(null, Buffer.from(summaryFileSignedText(file)), key, Buffer.from(file.signature, 'hex'));
};

describe('the summary file of a fair held on another server', () => {
  test('[AR7] the signature covers every field but itself: the file as signed verifies, one changed figure or fact does not', () => {
    const file = signedFile();
    expect(verifies(file)).toBe(true);
    expect(verifies({ ...file, summary: { ...file.summary, figures: { ...file.summary.figures, 'R4.accepted': 999 } } })).toBe(false);
    expect(verifies({ ...file, fair: { ...file.fair, region: '440000' } })).toBe(false);
    expect(verifies({ ...file, revision: 2 })).toBe(false);
  });

  test('[AR7] a file that is not a version-1 summary file with a known region is refused by the schema', () => {
    const file = signedFile();
    expect(SummaryFile.safeParse({ ...file, formatVersion: 2 }).success).toBe(false);
    expect(SummaryFile.safeParse({ ...file, fair: { ...file.fair, region: '990000' } }).success).toBe(false);
    expect(SummaryFile.safeParse({ ...file, signature: 'zz' }).success).toBe(false);
    expect(SummaryFile.safeParse(file).success).toBe(true);
  });
});
