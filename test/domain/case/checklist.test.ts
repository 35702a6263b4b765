import { describe, expect, test } from 'vitest';
import type { ChecklistFacts, ChecklistItem as Item } from '../../../src/domain/case/checklist';
import { ChecklistItem, applicableCodes, missingRequired, requiredChecklist, unverifiedRequired } from '../../../src/domain/case/checklist';
import { parseFields } from '../../../src/domain/field-errors';

const base: ChecklistFacts = {
  rightTypes: ['invention'],
  hasAgent: false,
  foreignComplainant: false,
  requireEvaluationReport: false,
  priorSessionMatter: false,
};
const GEN = ['GEN-01', 'GEN-02', 'GEN-03', 'GEN-04', 'GEN-05', 'GEN-06', 'GEN-07'];
const required = (facts: Partial<ChecklistFacts>) =>
  requiredChecklist({ ...base, ...facts }).filter((i) => i.required).map((i) => i.code);

const errors = (input: unknown) => {
  const r = parseFields(ChecklistItem, input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('document checklists per IP type (RD1–RD9)', () => {
  test('every complaint: GEN-01…06 required, GEN-07 optional', () => {
    const items = requiredChecklist({ ...base, rightTypes: ['gi'] });
    expect(items.map((i) => i.code)).toEqual(GEN);
    expect(items.find((i) => i.code === 'GEN-07')?.required).toBe(false);
    expect(items.every((i) => i.status === 'missing' && !i.originalSighted)).toBe(true);
  });

  test('patents: PAT-01…03; PAT-04 only for utility models and designs when requireEvaluationReport', () => {
    expect(required({ rightTypes: ['invention'] })).toEqual([...GEN.slice(0, 6), 'PAT-01', 'PAT-02', 'PAT-03']);
    expect(required({ rightTypes: ['utility_model'] })).not.toContain('PAT-04');
    expect(required({ rightTypes: ['utility_model'], requireEvaluationReport: true })).toContain('PAT-04');
    expect(required({ rightTypes: ['design'], requireEvaluationReport: true })).toContain('PAT-04');
    expect(required({ rightTypes: ['invention'], requireEvaluationReport: true })).not.toContain('PAT-04');
  });

  test('trademarks: TM-01 required, TM-02 optional; copyright: CR-01, CR-02', () => {
    expect(applicableCodes({ ...base, rightTypes: ['trademark'] })).toEqual([...GEN, 'TM-01', 'TM-02']);
    expect(required({ rightTypes: ['trademark'] })).toEqual([...GEN.slice(0, 6), 'TM-01']);
    expect(required({ rightTypes: ['copyright'] })).toEqual([...GEN.slice(0, 6), 'CR-01', 'CR-02']);
    // A two-type complaint needs both sets, each code once.
    expect(required({ rightTypes: ['design', 'trademark', 'design'] })).toEqual([...GEN.slice(0, 6), 'PAT-01', 'PAT-02', 'PAT-03', 'TM-01']);
  });

  test('standing: licensees and assignees bring their title', () => {
    expect(required({ standing: 'holder' })).not.toContain('LIC-01');
    expect(required({ standing: 'exclusive_licensee' })).toEqual(expect.arrayContaining(['LIC-01']));
    expect(required({ standing: 'exclusive_licensee' })).not.toContain('LIC-02');
    expect(required({ standing: 'sole_licensee' })).toEqual(expect.arrayContaining(['LIC-01', 'LIC-02']));
    expect(required({ standing: 'ordinary_licensee' })).toEqual(expect.arrayContaining(['LIC-01', 'LIC-02']));
    expect(required({ standing: 'assignee_heir' })).toEqual(expect.arrayContaining(['LIC-03']));
  });

  test('an agent, a foreign complainant and an RP5 matter add their items', () => {
    expect(required({ hasAgent: true })).toEqual(expect.arrayContaining(['AGT-01', 'AGT-02']));
    expect(required({ foreignComplainant: true })).toEqual(expect.arrayContaining(['FOR-01', 'FOR-02', 'FOR-03']));
    expect(required({})).not.toContain('REP-01');
  });

  test('[RP5] a matter determined last session requires REP-01', () => {
    expect(required({ priorSessionMatter: true })).toContain('REP-01');
  });

  test('[CS9] missingRequired lists required items still missing; [CS12] unverifiedRequired those not verified or waived', () => {
    const items: Item[] = requiredChecklist({ ...base, rightTypes: ['trademark'] }).map((i): Item => {
      if (i.code === 'GEN-01' || i.code === 'GEN-03' || i.code === 'GEN-04' || i.code === 'GEN-05') return { ...i, status: 'verified' };
      if (i.code === 'GEN-02' || i.code === 'TM-01') return { ...i, status: 'provided' };
      if (i.code === 'GEN-06') return { ...i, status: 'waived', waiverReason: '口头声明已记录' };
      return i; // GEN-07, TM-02: optional, missing
    });
    expect(missingRequired(items)).toEqual([]);
    expect(unverifiedRequired(items)).toEqual(['GEN-02', 'TM-01']);
    const withMissing = items.map((i) => (i.code === 'TM-01' ? { ...i, status: 'missing' as const } : i));
    expect(missingRequired(withMissing)).toEqual(['TM-01']);
  });

  test('items: waived needs a reason; an orig item is verified only with the original sighted', () => {
    expect(errors({ code: 'GEN-06', required: true, status: 'waived' })).toEqual(['waiverReason:REQUIRED']);
    expect(errors({ code: 'GEN-06', required: true, status: 'verified', waiverReason: 'x' })).toEqual(['waiverReason:NOT_APPLICABLE']);
    expect(errors({ code: 'PAT-01', required: true, status: 'verified' })).toEqual(['originalSighted:ORIGINAL_NOT_SIGHTED']);
    expect(errors({ code: 'PAT-01', required: true, status: 'verified', originalSighted: true })).toEqual([]);
    expect(errors({ code: 'PAT-02', required: true, status: 'verified' })).toEqual([]);
  });

  test('bad input: unknown codes and statuses, wrong types, missing fields, overlong reasons', () => {
    expect(errors({ code: 'PAT-09', required: true, status: 'missing' })).toEqual(['code:INVALID_VALUE']);
    expect(errors({ code: 'PAT-01', required: true, status: 'lost' })).toEqual(['status:INVALID_VALUE']);
    expect(errors({ code: 'PAT-01', required: 'yes', status: 'missing' })).toEqual(['required:INVALID_TYPE']);
    expect(errors({ code: 'PAT-01', status: 'missing' })).toEqual(['required:REQUIRED']);
    expect(errors({ code: 'GEN-06', required: true, status: 'waived', waiverReason: '理'.repeat(201) })).toEqual(['waiverReason:TOO_LONG']);
  });
});
