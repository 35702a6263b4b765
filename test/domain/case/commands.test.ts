import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Case } from '../../../src/domain/case/case';
import { CaseCommand } from '../../../src/domain/case/commands';
import { CaseEvent } from '../../../src/domain/case/events';
import { CASE_ERROR_CODES, GUARDED_RULES } from '../../../src/domain/case/rules';
import { caseId, eventId, makeCase } from '../../support/builders';

/** The field path and message code of each issue, e.g. `payload.servedAt:INSTANT`. */
const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : [...new Set((r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}:${i.message}`))];
};

const envelope = { caseId: caseId(1), eventId: eventId(1) };

describe('bad input is refused at the boundary, naming the field', () => {
  test('[CS1] commands: wrong types, missing fields, overlong text, bad ids and times', () => {
    expect(issues(CaseCommand, { ...envelope, type: 'Reject', payload: { reason: 'NR_OTHER', text: 'x'.repeat(501) } })).toEqual([
      expect.stringMatching(/^payload\.text:/),
    ]);
    expect(issues(CaseCommand, { ...envelope, type: 'Reject', payload: { reason: 'BECAUSE' } })).toEqual([expect.stringMatching(/^payload\.reason:/)]);
    expect(issues(CaseCommand, { ...envelope, type: 'NotifyRespondent', payload: { servedAt: '2025-04-15', service: { kind: 'signed', signatureEvidenceId: eventId(2) } } })).toEqual([
      'payload.servedAt:INSTANT',
    ]);
    expect(issues(CaseCommand, { ...envelope, caseId: 'case-1', type: 'AddNote', payload: { text: 'ok' } })).toEqual(['caseId:ULID']);
    expect(issues(CaseCommand, { ...envelope, type: 'AddNote', payload: { text: '   ' } })).toEqual([expect.stringMatching(/^payload\.text:/)]);
    expect(issues(CaseCommand, { ...envelope, type: 'VerifyMeasure', payload: { measureIndex: '0', result: 'done', atBooth: true, photos: [eventId(3)] } })).toEqual([
      expect.stringMatching(/^payload\.measureIndex:/),
    ]);
    expect(issues(CaseCommand, { ...envelope, type: 'IssueOpinion', payload: { conclusion: 'INFRINGEMENT', basis: 'ADMISSION', reasons: 'r', experts: [] } })).toEqual([
      expect.stringMatching(/^payload\.conclusion:/),
      expect.stringMatching(/^payload\.experts:/),
    ]);
    expect(issues(CaseCommand, { ...envelope, type: 'Launch', payload: {} })).toEqual([expect.stringMatching(/^type:/)]);
  });

  test('[CS1] events and cases: a tampered record does not parse', () => {
    const desk = makeCase({ state: 'NOTIFIED' });
    const notice = JSON.parse(JSON.stringify(desk.events.at(-1))) as Record<string, unknown> & { payload: Record<string, unknown> };
    expect(issues(CaseEvent, notice)).toEqual([]);
    expect(issues(CaseEvent, { ...notice, hlc: 'yesterday' })).toEqual(['hlc:HLC']);
    expect(issues(CaseEvent, { ...notice, payload: { ...notice.payload, defenceDue: undefined } })).toEqual([expect.stringMatching(/^payload\.defenceDue:/)]);
    expect(issues(CaseEvent, { ...notice, actor: { role: 'judge' } })).toEqual([expect.stringMatching(/^actor\.role:/)]);
    const c = JSON.parse(JSON.stringify(desk.case)) as Record<string, unknown>;
    expect(issues(Case, c)).toEqual([]);
    expect(issues(Case, { ...c, rights: [] })).toEqual([expect.stringMatching(/^rights:/)]);
    expect(issues(Case, { ...c, state: 'LOST' })).toEqual([expect.stringMatching(/^state:/)]);
    expect(issues(Case, { ...c, heads: [] })).toEqual([expect.stringMatching(/^heads:/)]);
  });

  test('[CS1] every guard the machine can fail has an error code the app translates', () => {
    const dir = fileURLToPath(new URL('../../../src/domain/case/', import.meta.url));
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const used = new Set([...source.matchAll(/(?:fail|settingOn)\([^'`)]*'([A-Z]{2,3}\d+)'/g)].map((m) => m[1] as string));
    expect([...used].sort()).toEqual([...GUARDED_RULES].sort());
    expect(CASE_ERROR_CODES).toContain('GUARD_FAILED:CS12');
    expect(CASE_ERROR_CODES).toContain('ILLEGAL_TRANSITION');
  });
});
