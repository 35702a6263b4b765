/**
 * The commitment's clause texts (REFERENCE.md CM8–CM11): built-in templates named, a fair's own
 * wording validated, numbered per changed save, and frozen into the signed record.
 */
import { describe, expect, test } from 'vitest';
import { Commitment, CommitmentDraft, contentHashOf, signCommitment, SignedCommitment, type Signing } from '../../src/domain/commitment';
import { CLAUSE_MAX_CHARS, clausesOf, COMMITMENT_TEMPLATES, fairClauseSet, MAX_CLAUSES, reviseFairClauses, type ClauseText } from '../../src/domain/commitment-templates';
import { Fair, FairSettings } from '../../src/domain/fair';
import { parseFields } from '../../src/domain/field-errors';
import type { EvidenceId } from '../../src/domain/ids';
import { at, ulidOf } from '../support/builders';
import { USCC, meta } from '../support/entity-builders';

const own: ClauseText[] = [
  { zh: '本单位不展示侵权展品（含包装）；', en: 'We display no infringing goods (packaging included);' },
  { zh: '服务台认定侵权的，本单位于两小时内撤展。', en: 'We remove goods within two hours when the desk so decides.' },
];

const draft = (over: Record<string, unknown> = {}) =>
  CommitmentDraft.parse({
    status: 'draft',
    id: ulidOf(1, '01C'),
    fairId: ulidOf(1, '01F'),
    exhibitorKey: `CN:${USCC}`,
    booths: [{ hall: '9.2', stand: 'E16' }],
    templateVersion: 'custom-1',
    clauses: own,
    clausesAccepted: ['CL1', 'CL2'],
    signer: { name: '张三', title: '总经理', phone: '13812345678' },
    version: 1,
    ...meta(),
    ...over,
  });

const signing: Signing = { signatureEvidenceId: ulidOf(1, '01V') as EvidenceId, signedAt: at('2025-04-15T03:00:00.000Z'), channel: 'kiosk' };

const fieldErrors = (schema: typeof Fair | typeof CommitmentDraft, input: unknown): string[] => {
  const r = parseFields(schema, input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

const fairInput = (settings: Record<string, unknown>) => ({
  id: ulidOf(1, '01F'),
  code: 'CF138',
  nameZh: '第138届展会',
  sessionNo: 138,
  days: [{ date: '2025-10-15', opensAt: '09:00', closesAt: '17:00' }],
  settings,
});

describe('commitment clauses', () => {
  test('[CM8] v2 words nine clauses as full sentences in both languages; a new fair signs v2; v1 stays as it was', () => {
    expect(COMMITMENT_TEMPLATES.v2.map((c) => c.code)).toEqual(['CL1', 'CL2', 'CL3', 'CL4', 'CL5', 'CL6', 'CL7', 'CL8', 'CL9']);
    for (const c of COMMITMENT_TEMPLATES.v2) {
      expect(c.zh.length).toBeGreaterThan(40);
      expect(c.en.split(' ').length).toBeGreaterThan(15);
      expect(c.zh.normalize('NFC')).toBe(c.zh);
    }
    expect(COMMITMENT_TEMPLATES.v1[0]).toEqual({ code: 'CL1', zh: '遵守本展会知识产权规则', en: "I follow the fair's IP rules" });
    const settings = FairSettings.parse({});
    expect(settings.commitmentTemplate).toBe('v2');
    expect(fairClauseSet(settings)).toEqual({ templateVersion: 'v2', clauses: COMMITMENT_TEMPLATES.v2 });
  });

  test('[CM8] a commitment under a built-in template carries no text; its clauses are the template’s', () => {
    const v2 = draft({ templateVersion: 'v2', clauses: undefined, clausesAccepted: [] });
    expect(clausesOf(v2)).toBe(COMMITMENT_TEMPLATES.v2);
    expect(fieldErrors(CommitmentDraft, { ...v2, clauses: own })).toEqual(['clauses:NOT_APPLICABLE']);
  });

  test('[CM9] a fair’s own wording: both languages, non-empty, at most 20 clauses and 300/600 characters; NFC, punctuation kept', () => {
    const ok = Fair.parse(fairInput({ commitmentTemplate: 'custom', commitmentClauses: { version: 1, clauses: [{ zh: ' 展品（含包装）不侵权；\u0041\u030A ', en: 'No infringing goods.' }] } }));
    expect(ok.settings.commitmentClauses?.clauses[0]?.zh).toBe('展品（含包装）不侵权；\u00C5');
    const bad = (clauses: unknown) => fieldErrors(Fair, fairInput({ commitmentTemplate: 'custom', commitmentClauses: { version: 1, clauses } }));
    expect(bad([{ zh: '展品不侵权', en: ' ' }])).toEqual(['settings.commitmentClauses.clauses.0.en:REQUIRED']);
    expect(bad([{ zh: '展品不侵权' }])).toEqual(['settings.commitmentClauses.clauses.0.en:REQUIRED']);
    expect(bad([])).toEqual(['settings.commitmentClauses.clauses:TOO_FEW']);
    expect(bad(Array.from({ length: MAX_CLAUSES + 1 }, () => own[0]))).toEqual(['settings.commitmentClauses.clauses:TOO_MANY']);
    expect(bad([{ zh: '字'.repeat(CLAUSE_MAX_CHARS.zh + 1), en: 'x'.repeat(CLAUSE_MAX_CHARS.en) }])).toEqual(['settings.commitmentClauses.clauses.0.zh:TOO_LONG']);
    expect(bad([{ zh: '展品\u202E不侵权', en: 'x' }])).toEqual(['settings.commitmentClauses.clauses.0.zh:BIDI_CONTROL']);
    // The phone's link names the choice without the wording (PI11): still a fair.
    expect(fieldErrors(Fair, fairInput({ commitmentTemplate: 'custom' }))).toEqual([]);
  });

  test('[CM10] each save of changed wording is the next revision; the same wording keeps its number; no wording sent keeps the stored one', () => {
    const first = reviseFairClauses(undefined, { version: 7, clauses: own });
    expect(first).toEqual({ version: 1, clauses: own });
    expect(reviseFairClauses(first, { version: 1, clauses: own.map((c) => ({ ...c })) })).toBe(first);
    const edited = [own[0]!, { zh: '服务台认定侵权的，本单位立即撤展。', en: 'We remove goods at once when the desk so decides.' }];
    const second = reviseFairClauses(first, { version: 1, clauses: edited });
    expect(second).toEqual({ version: 2, clauses: edited });
    expect(reviseFairClauses(second, { version: 2, clauses: [...edited].reverse() })?.version).toBe(3);
    expect(reviseFairClauses(second, undefined)).toBe(second);
    const fair = Fair.parse(fairInput({ commitmentTemplate: 'custom', commitmentClauses: second }));
    expect(fairClauseSet(fair.settings)).toMatchObject({ templateVersion: 'custom-2', frozen: edited });
    expect(fairClauseSet(fair.settings).clauses.map((c) => c.code)).toEqual(['CL1', 'CL2']);
    // Kept while another choice is active: the fair signs the chosen built-in.
    expect(fairClauseSet({ ...fair.settings, commitmentTemplate: 'v1' }).templateVersion).toBe('v1');
  });

  test('[CM11] a signature freezes the wording it was signed under, inside its content hash', () => {
    const signed = signCommitment(draft(), signing);
    if (!signed.ok) throw new Error(signed.error.code);
    expect(signed.value.templateVersion).toBe('custom-1');
    expect(signed.value.clauses).toEqual(own);
    expect(clausesOf(signed.value).map((c) => c.en)).toEqual(own.map((c) => c.en));
    // Another text under the same id is another record: the hash no longer matches.
    const tampered = { ...signed.value, clauses: [own[0]!, { zh: '改过的条款', en: 'An edited clause' }] };
    expect(SignedCommitment.safeParse(tampered).error?.issues.map((i) => i.message)).toEqual(['CONTENT_HASH_MISMATCH']);
    expect(fieldErrors(CommitmentDraft, { ...draft(), clauses: undefined })).toEqual(['clauses:REQUIRED']);
    // Every clause of the frozen text must be ticked.
    const partial = signCommitment(draft({ clausesAccepted: ['CL1'] }), signing);
    expect(partial).toEqual({ ok: false, error: { code: 'CLAUSES_NOT_ACCEPTED', params: { missing: 'CL2' } } });
  });

  test('[CM11] a v1 record signed before the clause settings parses unchanged and keeps its hash', () => {
    const old = signCommitment(draft({ templateVersion: 'v1', clauses: undefined, clausesAccepted: COMMITMENT_TEMPLATES.v1.map((c) => c.code) }), signing);
    if (!old.ok) throw new Error(old.error.code);
    const stored = JSON.parse(JSON.stringify(old.value)) as unknown;
    expect(Object.keys(stored as object)).not.toContain('clauses');
    const parsed = Commitment.parse(stored);
    expect(parsed).toEqual(old.value);
    expect(contentHashOf(parsed as SignedCommitment)).toBe(old.value.contentHash);
    expect(clausesOf(parsed).map((c) => c.zh)).toEqual(COMMITMENT_TEMPLATES.v1.map((c) => c.zh));
  });
});
