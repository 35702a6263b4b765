import { describe, expect, test } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/domain/canonical-json';
import type { CommitmentDraft, SignedCommitment, Signing } from '../../src/domain/commitment';
import {
  CLAUSE_CODES,
  COMMITMENT_TEMPLATES,
  Commitment,
  CommitmentDraft as DraftSchema,
  SignedCommitment as SignedSchema,
  amendCommitment,
  commitmentStatus,
  contentHashOf,
  currentCommitment,
  currentCommitments,
  editDraft,
  lacksCommitment,
  missingClauses,
  shortHash,
  signCommitment,
} from '../../src/domain/commitment';
import { parseFields } from '../../src/domain/field-errors';
import type { CommitmentId, DeviceId, EvidenceId, UserId } from '../../src/domain/ids';
import { at, ulidOf } from '../support/builders';
import { USCC, meta, patentRightInput } from '../support/entity-builders';

const draftInput = (over: Record<string, unknown> = {}) => ({
  status: 'draft',
  id: ulidOf(1, '01C'),
  fairId: ulidOf(1, '01F'),
  exhibitorKey: `CN:${USCC}`,
  booths: [{ hall: '9.2', stand: 'e16' }],
  templateVersion: 'v1',
  clausesAccepted: [...CLAUSE_CODES],
  declaredRights: [patentRightInput()],
  signer: { name: '张三', title: '总经理', phone: '13812345678' },
  version: 1,
  ...meta(),
  ...over,
});

const signing: Signing = {
  signatureEvidenceId: ulidOf(1, '01V') as EvidenceId,
  signedAt: at('2025-04-15T03:00:00.000Z'),
  channel: 'kiosk',
};

const sign = (d: CommitmentDraft, s: Partial<Signing> = {}): SignedCommitment => {
  const r = signCommitment(d, { ...signing, ...s });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

const errors = (schema: typeof DraftSchema | typeof SignedSchema | typeof Commitment, input: unknown) => {
  const r = parseFields(schema, input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

const facts = (n: number) => ({
  id: ulidOf(n, '01C') as CommitmentId,
  createdAt: at('2025-04-16T02:00:00.000Z'),
  createdBy: ulidOf(1, '01H') as UserId,
  deviceId: ulidOf(1, '01D') as DeviceId,
});

describe('Commitment (CM1–CM7)', () => {
  test('template v1 holds clauses CL1–CL9 in zh-CN and English', () => {
    expect(COMMITMENT_TEMPLATES.v1.map((c) => c.code)).toEqual(['CL1', 'CL2', 'CL3', 'CL4', 'CL5', 'CL6', 'CL7', 'CL8', 'CL9']);
    expect(COMMITMENT_TEMPLATES.v1[1]).toEqual({ code: 'CL2', zh: '展品、包装、展台、资料不侵权', en: 'nothing I show infringes IP' });
    for (const c of COMMITMENT_TEMPLATES.v1) expect(c.zh.length > 0 && c.en.length > 0).toBe(true);
  });

  test('all clauses must be ticked to sign', () => {
    const partial = DraftSchema.parse(draftInput({ clausesAccepted: ['CL1', 'CL2'] }));
    expect(missingClauses(partial)).toEqual(['CL3', 'CL4', 'CL5', 'CL6', 'CL7', 'CL8', 'CL9']);
    const r = signCommitment(partial, signing);
    expect(r).toEqual({ ok: false, error: { code: 'CLAUSES_NOT_ACCEPTED', params: { missing: 'CL3,CL4,CL5,CL6,CL7,CL8,CL9' } } });
    const signed = sign(DraftSchema.parse(draftInput()));
    expect(signed.status).toBe('signed');
    expect(signed.booths).toEqual([{ hall: '9.2', stand: 'E16' }]);
  });

  test('contentHash = SHA-256 of the canonical JSON without it', () => {
    const signed = sign(DraftSchema.parse(draftInput()));
    const { contentHash, ...rest } = signed;
    expect(contentHash).toBe(sha256Hex(canonicalJson(rest)));
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf(signed)).toBe(contentHash);
    expect(shortHash(signed)).toBe(contentHash.slice(0, 12));
    // The signed record parses again unchanged (it travels through sync and storage).
    expect(SignedSchema.parse(JSON.parse(JSON.stringify(signed)))).toEqual(signed);
  });

  test('[CM1] a signed commitment is immutable: a changed field breaks its hash, editing is refused', () => {
    const signed = sign(DraftSchema.parse(draftInput()));
    expect(errors(SignedSchema, { ...signed, booths: [{ hall: '9.2', stand: 'E17' }] })).toEqual(['contentHash:CONTENT_HASH_MISMATCH']);
    expect(editDraft(signed, { booths: [] })).toEqual({ ok: false, error: { code: 'GUARD_FAILED:CM1' } });
  });

  test('[CM2] a change is a new version that supersedes the old; current = highest version not superseded', () => {
    const v1 = sign(DraftSchema.parse(draftInput()));
    const draft2 = amendCommitment(v1, facts(2));
    expect(draft2).toMatchObject({ status: 'draft', version: 2, supersedes: v1.id, clausesAccepted: [] });
    expect(DraftSchema.safeParse(draft2).success).toBe(true);
    // v1 is untouched (CM1): the amendment is a new record.
    expect(v1.version).toBe(1);
    const edited = editDraft(draft2, { clausesAccepted: [...CLAUSE_CODES], booths: [...v1.booths, { hall: '9.2', stand: 'E17' }] });
    if (!edited.ok) throw new Error(edited.error.code);
    const v2 = sign(edited.value, { signedAt: at('2025-04-16T03:00:00.000Z') });
    expect(currentCommitment([v1, v2])?.id).toBe(v2.id);
    expect(currentCommitment([v2, v1])?.id).toBe(v2.id);
    expect(commitmentStatus(v1, [v1, v2])).toBe('superseded');
    expect(commitmentStatus(v2, [v1, v2])).toBe('current');
    expect(currentCommitments([v1, v2]).get(v1.exhibitorKey)?.id).toBe(v2.id);
  });

  test('[CM2] the version chain: version 1 supersedes nothing, a later version must name its predecessor', () => {
    expect(errors(DraftSchema, draftInput({ version: 2 }))).toEqual(['supersedes:REQUIRED']);
    expect(errors(DraftSchema, draftInput({ supersedes: ulidOf(9, '01C') }))).toEqual(['supersedes:NOT_APPLICABLE']);
    expect(errors(DraftSchema, draftInput({ version: 0 }))).toEqual(['version:TOO_SMALL']);
  });

  test('[CM2] two devices signing the same version offline agree on the current one', () => {
    const v1 = sign(DraftSchema.parse(draftInput()));
    const a = sign(DraftSchema.parse({ ...amendCommitment(v1, facts(2)), clausesAccepted: [...CLAUSE_CODES] }), { signedAt: at('2025-04-16T03:00:00.000Z') });
    const b = sign(DraftSchema.parse({ ...amendCommitment(v1, facts(3)), clausesAccepted: [...CLAUSE_CODES] }), { signedAt: at('2025-04-16T03:00:00.000Z') });
    expect(currentCommitment([v1, a, b])?.id).toBe(b.id);
    expect(currentCommitment([b, v1, a])?.id).toBe(b.id);
  });

  test('[CM3] drafts count nowhere: an exhibitor with only a draft lacks a commitment', () => {
    const v1 = sign(DraftSchema.parse(draftInput()));
    const draft = DraftSchema.parse(draftInput());
    expect(currentCommitment([draft])).toBeUndefined();
    expect(commitmentStatus(draft, [draft])).toBe('draft');
    expect(lacksCommitment(true, [draft])).toBe(true);
    expect(lacksCommitment(false, [draft])).toBe(false);
    expect(lacksCommitment(true, [draft, v1])).toBe(false);
    // A signed v1 with an unsigned v2 draft: v1 stays current.
    expect(currentCommitment([v1, amendCommitment(v1, facts(2))])?.id).toBe(v1.id);
    // Drafts are editable.
    const edited = editDraft(draft, { clausesAccepted: ['CL1'] });
    expect(edited.ok && edited.value.clausesAccepted).toEqual(['CL1']);
  });

  test('a paper scan records who checked it; signing before creation is END_BEFORE_START', () => {
    const d = DraftSchema.parse(draftInput());
    expect(signCommitment(d, { ...signing, channel: 'paper_scan' })).toMatchObject({ ok: false, error: { code: 'INVALID_COMMITMENT', params: { field: 'scanCheckedBy', issue: 'REQUIRED' } } });
    expect(sign(d, { channel: 'paper_scan', scanCheckedBy: ulidOf(2, '01H') as UserId }).channel).toBe('paper_scan');
    const early = { ...sign(d), signedAt: at('2025-04-15T01:00:00.000Z') };
    expect(errors(SignedSchema, { ...early, contentHash: contentHashOf(early) })).toEqual(['signedAt:END_BEFORE_START']);
  });

  test('bad input: missing fields, wrong types, overlong strings, bad clause codes, bad booth', () => {
    expect(errors(Commitment, { status: 'draft' })).toContain('fairId:REQUIRED');
    expect(errors(Commitment, { ...draftInput(), status: 'final' })).toEqual(['status:INVALID_VALUE']);
    expect(errors(DraftSchema, draftInput({ signer: { name: '张'.repeat(51), title: '经理', phone: '13812345678' } }))).toEqual(['signer.name:TOO_LONG']);
    expect(errors(DraftSchema, draftInput({ clausesAccepted: ['CL21'] }))).toEqual(['clausesAccepted.0:INVALID_VALUE']);
    expect(errors(DraftSchema, draftInput({ booths: [] }))).toEqual(['booths:TOO_FEW']);
    expect(errors(DraftSchema, draftInput({ version: '1' }))).toEqual(['version:INVALID_TYPE']);
    expect(errors(DraftSchema, draftInput({ declaredRights: [patentRightInput({ number: '201710601862.4' })] }))).toEqual(['declaredRights.0.number:PATENT_CHECK_DIGIT']);
    const signed = sign(DraftSchema.parse(draftInput()));
    expect(errors(SignedSchema, { ...signed, contentHash: 'abc' })).toEqual(['contentHash:INVALID_FORMAT']);
    expect(errors(SignedSchema, { ...signed, clausesAccepted: ['CL1'] })).toEqual(['clausesAccepted:CLAUSES_NOT_ACCEPTED']);
  });
});
