/**
 * Case fixtures for the store tests: a set-up desk (fair, device K07, exhibitors), actors, and
 * complaint inputs as the desk form gives them.
 */
import type { Case } from '../../src/domain/case/case';
import type { Actor } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { applyCaseCommand } from '../../src/store/cases';
import type { ComplaintInput } from '../../src/store/cases';
import { saveDevice } from '../../src/store/device';
import { createFair } from '../../src/store/fairs';
import type { NewFairInput } from '../../src/store/fairs';
import { fairInput, uscc } from './fixtures';

export const CLERK_ID = '01JRZ8Q4W6M0000000000000K1';
export const EXPERT_ID = '01JRZ8Q4W6M0000000000000E7';
export const clerk = { userId: CLERK_ID, role: 'clerk' } as Actor;
export const expert = { userId: EXPERT_ID, role: 'expert' } as Actor;
export const EVIDENCE = ['01JRZ8Q4W6M0000000000000V1', '01JRZ8Q4W6M0000000000000V2'] as const;

export async function setupFair(over: Partial<NewFairInput> = {}, at: Instant): Promise<Fair> {
  const r = await createFair(fairInput(over), at);
  if (!r.ok) throw new Error(`fair: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The device K07 working for `fair`. */
export async function setupDevice(fair: Fair, at: Instant, shortCode = 'K07'): Promise<void> {
  const r = await saveDevice({ name: 'Desk 1', shortCode, fairId: fair.id }, at);
  if (!r.ok) throw new Error(`device: ${JSON.stringify(r.error)}`);
}

export const respondent = (n: number) => ({
  exhibitorKey: `CN:${uscc(n)}`,
  name: `参展商${n}号`,
  booth: { hall: '1.1', stand: `A${String(n).padStart(2, '0')}` },
});

export const complaintInput = (fair: Fair, receivedAt: Instant, over: Partial<ComplaintInput> = {}): ComplaintInput => ({
  fairId: fair.id,
  channel: 'desk',
  receivedAt,
  complainant: { role: 'complainant', kind: 'entity', name: '福州某某科技有限公司', country: 'CN', uscc: '91350100M000100Y43', phone: '13800138000' },
  respondents: [respondent(1)],
  rights: [{ type: 'invention', number: 'ZL201710601862.3', title: '一种折叠装置', holder: '福州某某科技有限公司', jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' }],
  accusedItems: [{ description: '折叠椅 型号 A1', evidenceIds: [EVIDENCE[0]] }],
  signatureEvidenceId: EVIDENCE[1],
  ...over,
});

const must = async (r: Promise<{ ok: boolean; error?: unknown; value?: Case }>): Promise<Case> => {
  const x = await r;
  if (!x.ok || x.value === undefined) throw new Error(`command refused: ${JSON.stringify(x.error)}`);
  return x.value;
};

/** Accept, notify, the respondent's admission (CS12, CS13, CS15). */
export async function admit(c: Case, now: () => Instant): Promise<Case> {
  const checklist = c.checklist.filter((i) => i.required && i.status !== 'waived').map((i) => ({ code: i.code, required: true, status: 'verified' as const, originalSighted: true }));
  await must(applyCaseCommand(c.id, { type: 'Accept', payload: { checklist } }, expert, now()));
  const at = now();
  await must(applyCaseCommand(c.id, { type: 'NotifyRespondent', payload: { servedAt: at, service: { kind: 'signed', signatureEvidenceId: EVIDENCE[1] } } }, clerk, at));
  return must(applyCaseCommand(c.id, { type: 'RecordAdmission', payload: { signatureEvidenceId: EVIDENCE[1] } }, clerk, now()));
}

/** Accept, notify, admission, established opinion (CS12, CS13, CS15, CS17 on ADMISSION). */
export async function establish(c: Case, now: () => Instant): Promise<Case> {
  await admit(c, now);
  return must(
    applyCaseCommand(c.id, { type: 'IssueOpinion', payload: { conclusion: 'ESTABLISHED_ALLEGED', basis: 'ADMISSION', reasons: '落入保护范围', experts: [EXPERT_ID] } }, expert, now()),
  );
}
