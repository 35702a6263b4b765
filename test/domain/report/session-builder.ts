import type { Case } from '../../../src/domain/case/case';
import type { CommandType } from '../../../src/domain/case/commands';
import type { CaseEvent } from '../../../src/domain/case/events';
import { CommitmentDraft, signCommitment } from '../../../src/domain/commitment';
import type { Commitment } from '../../../src/domain/commitment';
import { Consultation } from '../../../src/domain/consultation';
import type { ConsultationInput } from '../../../src/domain/consultation';
import { Exhibitor, exhibitorKey } from '../../../src/domain/exhibitor';
import type { ExhibitorInput } from '../../../src/domain/exhibitor';
import type { Fair } from '../../../src/domain/fair';
import type { IpRightInput } from '../../../src/domain/ip-right';
import { OutreachActivity } from '../../../src/domain/outreach';
import type { OutreachActivityInput } from '../../../src/domain/outreach';
import type { PartyInput } from '../../../src/domain/party';
import type { SessionData } from '../../../src/domain/report/session-data';
import type { Instant } from '../../../src/domain/time';
import { patentCheckChar } from '../../../src/domain/validators/patent';
import { usccCheckChar } from '../../../src/domain/validators/uscc';
import { actors, caseId, Desk, deviceId, evidenceId, local, ulidOf } from '../../support/builders';
import type { Step } from '../../support/builders';
import { complainantInput, meta } from '../../support/entity-builders';

/**
 * Builders for post-show summary tests: cases driven through the real `decide` + `evolve` (the
 * `Desk`), exhibitors, commitments, consultations and outreach parsed by their real schemas.
 */

/** A valid USCC from a 17-char body (GB 32100-2015 check char appended). */
export const uscc = (body17: string): string => body17 + usccCheckChar(body17);

/** A valid CNIPA number: year, type digit (1 invention, 2 utility model, 3 design), serial. */
export function cnPatent(year: number, type: 1 | 2 | 3, serial: number): string {
  const digits = `${year}${type}${String(serial).padStart(7, '0')}`;
  return `${digits}.${patentCheckChar(digits)}`;
}

export const right = (type: 'invention' | 'utility_model' | 'design' | 'trademark' | 'copyright', serial = 1): IpRightInput => {
  const base = { title: '展品', holder: '权利人', jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' } as const;
  switch (type) {
    case 'invention':
      return { ...base, type, number: cnPatent(2017, 1, 600000 + serial) };
    case 'utility_model':
      return { ...base, type, number: cnPatent(2019, 2, 100000 + serial) };
    case 'design':
      return { ...base, type, number: cnPatent(2020, 3, 300000 + serial) };
    case 'trademark':
      return { ...base, type, number: String(10000000 + serial), niceClasses: [9] };
    case 'copyright':
      return { ...base, type, number: `国作登字-2021-F-${serial}` };
  }
};

export const FOREIGN_COMPLAINANT: PartyInput = {
  role: 'complainant',
  kind: 'entity',
  name: 'Acme Inc.',
  country: 'US',
  foreignRegNo: 'US-REG-1',
  phone: '+12025550123',
  standing: 'holder',
};

export interface CaseSpec {
  /** Case number in the test (also the base of its event ids). */
  readonly n: number;
  readonly complaint: number;
  readonly respondent: { readonly key: string; readonly name?: string; readonly hall: string; readonly stand: string };
  readonly complainant?: PartyInput;
  readonly rights?: readonly IpRightInput[];
  /** Local (UTC+8) `YYYY-MM-DD HH:mm` of the Submit; also `receivedAt`. */
  readonly start: string;
  /** After Submit: a command, or a command with its local time / payload / actor. */
  readonly steps: readonly (CommandType | readonly [CommandType, StepSpec])[];
}

export interface StepSpec {
  readonly at?: string;
  readonly payload?: Record<string, unknown>;
  readonly actor?: Step['actor'];
}

/** One case through the real state machine; the desk's events and the folded case. */
export function runCase(fair: Fair, spec: CaseSpec): { readonly case: Case; readonly events: readonly CaseEvent[] } {
  const start = local(spec.start);
  const desk = new Desk(fair, start, deviceId(1), caseId(spec.n), spec.n * 100);
  desk.must('Submit', {
    at: start,
    payload: {
      complaintId: ulidOf(spec.complaint, '01Q'),
      fairId: fair.id,
      receivedAt: start,
      complainant: spec.complainant ?? complainantInput(),
      respondent: { exhibitorKey: spec.respondent.key, name: spec.respondent.name ?? spec.respondent.key, booth: { hall: spec.respondent.hall, stand: spec.respondent.stand } },
      rights: spec.rights ?? [right('invention', spec.n)],
    },
  });
  for (const s of spec.steps) {
    const [type, step] = typeof s === 'string' ? [s, {} as StepSpec] : s;
    const when = step.at === undefined ? undefined : local(step.at);
    // The builder's default `servedAt` is the desk's clock, not the step's time.
    const payload = type === 'NotifyRespondent' && when !== undefined ? { servedAt: when, ...step.payload } : step.payload;
    desk.must(type, { at: when, payload, actor: step.actor });
  }
  return { case: desk.case as Case, events: desk.events };
}

export function exhibitor(n: number, over: Partial<ExhibitorInput>, fair: Fair): Exhibitor {
  return Exhibitor.parse({
    id: ulidOf(n, '01X'),
    fairId: fair.id,
    nameZh: `参展企业${n}`,
    country: 'CN',
    booths: [{ hall: '1.1', stand: `A${n}` }],
    contacts: [],
    ...meta(n),
    ...over,
  });
}

export const keyOf = (e: Exhibitor): string => exhibitorKey(e);

/** A signed commitment (all clauses) of `e`; `version` > 1 supersedes `supersedes`. */
export function signed(n: number, e: Exhibitor, fair: Fair, version = 1, supersedes?: string): Commitment {
  const draft = CommitmentDraft.parse({
    status: 'draft',
    id: ulidOf(n, '01M'),
    fairId: fair.id,
    exhibitorKey: exhibitorKey(e),
    booths: e.booths,
    templateVersion: 'v1',
    clausesAccepted: ['CL1', 'CL2', 'CL3', 'CL4', 'CL5', 'CL6', 'CL7', 'CL8', 'CL9'],
    signer: { name: '张三', title: '经理', phone: '13812345678' },
    version,
    supersedes,
    ...meta(n),
  });
  const r = signCommitment(draft, { signatureEvidenceId: evidenceId(500 + n), signedAt: draft.createdAt as Instant, channel: 'kiosk' });
  if (!r.ok) throw new Error(`signCommitment: ${r.error.code}`);
  return r.value;
}

export function draftOf(n: number, e: Exhibitor, fair: Fair): Commitment {
  return CommitmentDraft.parse({
    status: 'draft',
    id: ulidOf(n, '01M'),
    fairId: fair.id,
    exhibitorKey: exhibitorKey(e),
    booths: e.booths,
    templateVersion: 'v1',
    clausesAccepted: ['CL1'],
    signer: { name: '李四', title: '经理', phone: '13812345678' },
    version: 1,
    ...meta(n),
  });
}

export const consultation = (n: number, fair: Fair, over: Partial<ConsultationInput>): Consultation =>
  Consultation.parse({
    id: ulidOf(n, '01N'),
    fairId: fair.id,
    at: '2025-04-15T03:00:00.000Z',
    channel: 'desk',
    askerKind: 'exhibitor',
    topic: '展品是否侵权',
    opinionGiven: false,
    ...meta(n),
    ...over,
  });

export const outreach = (n: number, fair: Fair, over: Partial<OutreachActivityInput>): OutreachActivity =>
  OutreachActivity.parse({
    id: ulidOf(n, '01P'),
    fairId: fair.id,
    kind: 'training',
    date: '2025-04-15',
    title: '知识产权保护培训',
    participants: 0,
    materials: 0,
    ...meta(n),
    ...over,
  });

/** Session data from run cases; the rest empty unless given. */
export function session(fair: Fair, runs: readonly { case: Case; events: readonly CaseEvent[] }[], rest: Partial<SessionData> = {}): SessionData {
  return {
    fair,
    cases: runs.map((r) => r.case),
    events: runs.flatMap((r) => r.events),
    exhibitors: [],
    commitments: [],
    consultations: [],
    outreach: [],
    expertsOnDuty: [],
    ...rest,
  };
}

export { actors };
