import { CaseCommand } from '../../src/domain/case/commands';
import type { CaseCommandInput, CommandType } from '../../src/domain/case/commands';
import type { Case } from '../../src/domain/case/case';
import { formatCaseNumber } from '../../src/domain/case/case-number';
import type { DeviceCode } from '../../src/domain/case/case-number';
import { decide } from '../../src/domain/case/decide';
import type { DecideContext } from '../../src/domain/case/decide';
import type { Actor, CaseEvent } from '../../src/domain/case/events';
import { evolve } from '../../src/domain/case/evolve';
import type { IntakeHistory } from '../../src/domain/case/intake';
import type { CaseState } from '../../src/domain/codes';
import { Fair, fairCloseAt } from '../../src/domain/fair';
import type { FairCode, FairInput } from '../../src/domain/fair';
import { formatHlc } from '../../src/domain/hlc';
import { CaseId, DeviceId, EventId, EvidenceId, UserId } from '../../src/domain/ids';
import type { DomainError, Result } from '../../src/domain/result';
import { Instant, addMinutes, instantToMs } from '../../src/domain/time';
import type { SyncItem } from '../../src/domain/sync-item';

/** Test builders: real domain parses and the real state machine, no mocks. */

/** A valid ULID-shaped id from a number, so tests read `ulidOf(7)`. */
export const ulidOf = (n: number, prefix = '01J'): string => `${prefix}${String(n).padStart(26 - prefix.length, '0')}`;

export const at = (s: string): Instant => Instant.parse(s.length === 16 ? `${s}:00.000Z` : s);

/** Local (Asia/Shanghai, UTC+8) `YYYY-MM-DD HH:mm` as an instant. */
export const local = (s: string): Instant => {
  const [d, t] = s.split(' ') as [string, string];
  return Instant.parse(new Date(`${d}T${t}:00.000+08:00`).toISOString());
};

export const AUTHORITY_ADMIN = '广州市市场监督管理局';
export const AUTHORITY_ENFORCEMENT = '广州市知识产权执法队';

/** Five desk days 2025-04-15…19, 09:00–17:00 Asia/Shanghai; fair close 2025-04-19 17:00 (+8). */
export function makeFair(overrides: Partial<FairInput> = {}): Fair {
  return Fair.parse({
    id: ulidOf(1, '01F'),
    code: 'CF137',
    nameZh: '第137届中国进出口商品交易会',
    nameEn: 'Canton Fair 137',
    sessionNo: 137,
    days: ['2025-04-15', '2025-04-16', '2025-04-17', '2025-04-18', '2025-04-19'].map((date) => ({
      date,
      opensAt: '09:00',
      closesAt: '17:00',
    })),
    settings: {
      authorities: [
        { name: AUTHORITY_ADMIN, kind: 'admin' },
        { name: AUTHORITY_ENFORCEMENT, kind: 'enforcement' },
      ],
    },
    ...overrides,
  });
}

export const userId = (n: number): UserId => UserId.parse(ulidOf(n, '01W'));
export const evidenceId = (n: number): EvidenceId => EvidenceId.parse(ulidOf(n, '01V'));
export const deviceId = (n: number): DeviceId => DeviceId.parse(ulidOf(n, '01D'));
export const caseId = (n: number): CaseId => CaseId.parse(ulidOf(n, '01C'));

export const actors = {
  complainant: { role: 'complainant' },
  respondent: { role: 'respondent' },
  clerk: { role: 'clerk', userId: userId(1) },
  expert: { role: 'expert', userId: userId(2) },
  expert2: { role: 'expert', userId: userId(3) },
  organizer: { role: 'organizer', userId: userId(4) },
  system: { role: 'system' },
} as const satisfies Record<string, Actor>;

export const USCC_COMPLAINANT = '91350100M000100Y43';

/** The Submit payload of a plain complaint: a CN entity holding an invention patent. */
export function submitPayload(fair: Fair, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseNo: formatCaseNumber({ fair: fair.code as FairCode, device: 'K07' as DeviceCode, seq: 42 }),
    complaintId: ulidOf(1, '01Q'),
    fairId: fair.id,
    channel: 'desk',
    receivedAt: local('2025-04-15 10:00'),
    complainant: { role: 'complainant', kind: 'entity', name: '福州某某科技有限公司', country: 'CN', uscc: USCC_COMPLAINANT, phone: '13800138000' },
    respondent: { exhibitorKey: 'CN:91440101MA59ABCD1X', name: '广州某某贸易有限公司', booth: { hall: '11.2', stand: 'C05' } },
    rights: [{ type: 'invention', number: 'ZL201710601862.3', title: '一种折叠装置', holder: '福州某某科技有限公司', jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' }],
    accusedItems: [{ description: '折叠椅 型号 A1', evidenceIds: [evidenceId(1)] }],
    signatureEvidenceId: evidenceId(2),
    ...overrides,
  };
}

/** A typical payload of each command for the case as it stands (tests override fields). */
function defaultPayload(type: CommandType, c: Case | undefined, fair: Fair, now: Instant): Record<string, unknown> {
  const sig = { signatureEvidenceId: evidenceId(9) };
  switch (type) {
    case 'Submit':
      return submitPayload(fair, { receivedAt: now });
    case 'RequestSupplement':
      return {};
    case 'RecordSupplement':
      return { items: [{ code: 'GEN-05', required: true, status: 'provided' }], ...sig };
    case 'Reject':
      return { reason: 'NR_OUT_OF_SCOPE' };
    case 'Accept':
      return {
        checklist: (c?.checklist ?? [])
          .filter((i) => i.required && i.status !== 'waived')
          .map((i) => ({ code: i.code, required: true, status: 'verified', originalSighted: true })),
      };
    case 'NotifyRespondent':
      return { servedAt: now, service: { kind: 'signed', signatureEvidenceId: evidenceId(10) } };
    case 'RecordDefence':
    case 'RecordAdmission':
      return { ...sig };
    case 'IssueOpinion': {
      const basis = { ADMITTED: 'ADMISSION', DEFENCE_OVERDUE: 'NO_DEFENCE', DEFENCE_RECEIVED: 'EXPERT_REVIEW' }[c?.state as string];
      return basis === undefined
        ? { conclusion: 'NOT_ESTABLISHED', basis: 'EXPERT_REVIEW', reasons: '不构成侵权', experts: [actors.expert.userId] }
        : { conclusion: 'ESTABLISHED_ALLEGED', basis, reasons: '落入权利要求保护范围', experts: [actors.expert.userId] };
    }
    case 'OrderMeasures':
      return { measures: [{ code: 'COVER', itemIndex: 0 }] };
    case 'VerifyMeasure':
      return {
        measureIndex: Math.max(0, c?.measures.findIndex((m) => m.verification?.result !== 'done') ?? 0),
        result: 'done',
        atBooth: true,
        photos: [evidenceId(11)],
      };
    case 'Transfer':
      return { authorityName: AUTHORITY_ADMIN, kind: 'admin', reason: '拒不执行处置措施' };
    case 'RecordHandover':
      return { receivingOfficer: '王警官', handedOverAt: now };
    case 'RequestReview':
      return { party: 'respondent', grounds: '不同意判断意见', ...sig };
    case 'DecideReview':
      return { decision: 'upheld', reasons: '维持原意见' };
    case 'RecordSettlement':
      return { terms: '被投诉人撤下展品并赔偿', complainantSignatureEvidenceId: evidenceId(12), respondentSignatureEvidenceId: evidenceId(13) };
    case 'Withdraw':
      return { ...sig };
    case 'CloseFair':
    case 'MarkDefenceOverdue':
    case 'Close':
      return {};
    case 'RecordPostShowResult':
      return c?.state === 'TRANSFERRED' ? { outcome: 'ESTABLISHED_ALLEGED', authorityResult: '已立案查处' } : { outcome: 'UNRESOLVED' };
    case 'RecordVoluntaryRemoval':
      return { respondentSignatureEvidenceId: evidenceId(14), photos: [evidenceId(15)] };
    case 'ReorderAfterRedisplay':
      return { inspection: { at: now, booth: { hall: '11.2', stand: 'C05' }, finding: 'redisplay' }, measures: [{ code: 'WITHDRAW_EXHIBIT' }] };
    case 'AddNote':
      return { text: '已电话联系投诉人' };
    case 'ResolveConflict':
      return { resolves: c?.conflicts ?? [], stands: 'applied', reason: '以先到者为准', decidedBy: '组织者' };
  }
}

/** The actor who typically issues each command. */
const DEFAULT_ACTOR: Record<CommandType, Actor> = {
  Submit: actors.clerk,
  RequestSupplement: actors.clerk,
  RecordSupplement: actors.clerk,
  Reject: actors.expert,
  Accept: actors.expert,
  NotifyRespondent: actors.expert,
  RecordDefence: actors.respondent,
  RecordAdmission: actors.respondent,
  MarkDefenceOverdue: actors.system,
  IssueOpinion: actors.expert,
  OrderMeasures: actors.expert,
  VerifyMeasure: actors.organizer,
  Transfer: actors.expert,
  RecordHandover: actors.clerk,
  RequestReview: actors.respondent,
  DecideReview: actors.expert2,
  RecordSettlement: actors.expert,
  Withdraw: actors.complainant,
  CloseFair: actors.system,
  RecordPostShowResult: actors.organizer,
  Close: actors.expert,
  RecordVoluntaryRemoval: actors.clerk,
  ReorderAfterRedisplay: actors.expert,
  AddNote: actors.clerk,
  ResolveConflict: actors.organizer,
};

export interface Step {
  readonly payload?: Record<string, unknown>;
  readonly actor?: Actor;
  readonly at?: Instant;
}

/**
 * One desk tablet working one case through the real `decide` + `evolve`. Time moves 10 min per
 * step unless a step says when; MarkDefenceOverdue and CloseFair default to just after their
 * deadline.
 */
export class Desk {
  case: Case | undefined;
  readonly events: CaseEvent[] = [];
  now: Instant;
  private counter = 0;
  history: IntakeHistory | undefined;

  constructor(
    readonly fair: Fair = makeFair(),
    start: Instant = local('2025-04-15 10:00'),
    readonly device: DeviceId = deviceId(1),
    readonly id: CaseId = caseId(1),
    private readonly eventBase = 0,
  ) {
    this.now = start;
  }

  command(type: CommandType, payload?: Record<string, unknown>): CaseCommand {
    const input = {
      type,
      caseId: this.id,
      eventId: ulidOf(this.eventBase + this.events.length + this.counter + 1, '01E'),
      payload: { ...defaultPayload(type, this.case, this.fair, this.now), ...payload },
    } as CaseCommandInput;
    return CaseCommand.parse(input);
  }

  context(actor: Actor, now: Instant): DecideContext {
    const hlc = formatHlc({ wallMs: instantToMs(now), counter: this.counter++, node: this.device.slice(-4) });
    return { fair: this.fair, now, actor, deviceId: this.device, hlc, history: this.history };
  }

  private timeFor(type: CommandType, step: Step): Instant {
    if (step.at !== undefined) return step.at;
    if (type === 'MarkDefenceOverdue' && this.case?.deadlines.defence !== undefined) return addMinutes(this.case.deadlines.defence.dueAt, 1);
    if (type === 'CloseFair') return fairCloseAt(this.fair) > this.now ? fairCloseAt(this.fair) : this.now;
    return this.now;
  }

  /** Another tablet that knew this case as it stands, then goes its own way offline (a fork). */
  branch(device: DeviceId, eventBase: number): Desk {
    const b = new Desk(this.fair, this.now, device, this.id, eventBase);
    b.case = this.case;
    b.events.push(...this.events);
    b.history = this.history;
    return b;
  }

  /** Decide and, when it succeeds, apply. */
  try(type: CommandType, step: Step = {}): Result<readonly CaseEvent[], DomainError> {
    const now = this.timeFor(type, step);
    const result = decide(this.case, this.command(type, step.payload), this.context(step.actor ?? DEFAULT_ACTOR[type], now));
    if (result.ok) {
      for (const e of result.value) {
        this.case = evolve(this.case, e);
        this.events.push(e);
      }
      this.now = addMinutes(now, 10);
    }
    return result;
  }

  /** Like `try`, but a refusal fails the test. */
  must(type: CommandType, step: Step = {}): Case {
    const r = this.try(type, step);
    if (!r.ok) throw new Error(`${type} refused: ${r.error.code} ${JSON.stringify(r.error.params ?? {})} in ${this.case?.state ?? 'NONE'}`);
    return this.case as Case;
  }
}

/** How each state is reached from nothing. */
export const PATHS: Record<CaseState, readonly CommandType[]> = {
  RECEIVED: ['Submit'],
  INCOMPLETE: ['Submit', 'RequestSupplement'],
  ACCEPTED: ['Submit', 'Accept'],
  NOTIFIED: ['Submit', 'Accept', 'NotifyRespondent'],
  DEFENCE_RECEIVED: ['Submit', 'Accept', 'NotifyRespondent', 'RecordDefence'],
  ADMITTED: ['Submit', 'Accept', 'NotifyRespondent', 'RecordAdmission'],
  DEFENCE_OVERDUE: ['Submit', 'Accept', 'NotifyRespondent', 'MarkDefenceOverdue'],
  DETERMINED: ['Submit', 'Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion'],
  MEASURES_ORDERED: ['Submit', 'Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures'],
  MEASURES_VERIFIED: ['Submit', 'Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure'],
  UNDER_REVIEW: ['Submit', 'Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'RequestReview'],
  TRANSFERRED: ['Submit', 'Accept', 'Transfer'],
  PENDING_AT_CLOSE: ['Submit', 'Accept', 'CloseFair'],
  CLOSED: ['Submit', 'Withdraw'],
};

/** A desk whose case is in `state`, reached through the real state machine. */
export function makeCase(options: { state: CaseState; fair?: Fair; start?: Instant } = { state: 'RECEIVED' }): Desk {
  const desk = new Desk(options.fair ?? makeFair(), options.start ?? local('2025-04-15 10:00'));
  for (const type of PATHS[options.state]) desk.must(type);
  return desk;
}

export const eventId = (n: number): EventId => EventId.parse(ulidOf(n, '01E'));

/** The outcome of a decision as one string: `OK` or the error code. */
export const code = (r: Result<unknown, DomainError>): string => (r.ok ? 'OK' : r.error.code);

/**
 * Case events as a server serves them, in the order given: each device's items numbered 1, 2, …
 * (SY2: a device numbers its items with no gap), the event itself as the payload.
 */
export function eventItems(fairId: string, events: readonly CaseEvent[]): SyncItem[] {
  const seqs = new Map<string, number>();
  return events.map((e): SyncItem => {
    const seq = (seqs.get(e.deviceId) ?? 0) + 1;
    seqs.set(e.deviceId, seq);
    return { id: e.id, fairId, deviceId: e.deviceId, seq, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e } as unknown as SyncItem;
  });
}
