import type { Case } from '../../../domain/case/case';
import { needsOriginal, type ChecklistItem } from '../../../domain/case/checklist';
import { CONCLUSION_OPTIONS, OPINION_BASES, type CommandType } from './action-codes';
import { OUTCOMES } from '../../../domain/codes';
import type { Fair } from '../../../domain/fair';
import { CivilDate, ClockTime, zonedParts, zonedToInstant, type Instant } from '../../../domain/time';
import { t, type MessageKey } from '../../i18n/index';

/**
 * One form per case action (CS9–CS30): which fields it asks for and how they become the
 * command's payload (`PAYLOADS` in src/domain/case/commands.ts, which validates it). Field names
 * are the payload's paths, so the domain's field errors land under their inputs. Signatures and
 * photos are stored as evidence only once the rest is valid (nothing saved on bad input).
 */
export type FieldKind = 'text' | 'textarea' | 'select' | 'datetime' | 'signature' | 'photos' | 'multi' | 'check' | 'checklist';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface FieldSpec {
  readonly kind: FieldKind;
  readonly name: string;
  readonly label: MessageKey;
  readonly options?: readonly Option[];
  /** Shown (and used) only when this holds. */
  readonly when?: (v: Values) => boolean;
}

export type ChecklistValue = Record<string, { status: ChecklistItem['status']; originalSighted: boolean; waiverReason: string }>;
export type Values = Record<string, string | string[] | boolean | File[] | ChecklistValue | undefined>;

export interface ActionContext {
  readonly case: Case;
  readonly fair: Fair;
  readonly userId: string;
  readonly experts: readonly Option[];
  readonly now: Instant;
}

/** Evidence ids by field: the placeholder while validating, the stored ids when saving. */
export type EvidenceOf = (name: string) => string[];

export interface ActionSpec {
  readonly fields: (ctx: ActionContext) => FieldSpec[];
  readonly initial?: (ctx: ActionContext) => Values;
  readonly build: (v: Values, ctx: ActionContext, ev: EvidenceOf) => unknown;
}

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string) : '');
const opt = (v: Values, k: string): string | undefined => (str(v, k).trim() === '' ? undefined : str(v, k));
const one = (ev: EvidenceOf, k: string): string | undefined => ev(k)[0];
const opts = (values: readonly string[], prefix: string): Option[] => values.map((value) => ({ value, label: t(`${prefix}${value}` as MessageKey) }));

/** `datetime-local` text read as wall time in the fair's zone; bad text stays bad for zod. */
export function zonedInput(text: string, zone: string): string {
  const [date = '', time = ''] = text.split('T');
  const d = CivilDate.safeParse(date);
  const c = ClockTime.safeParse(time.slice(0, 5));
  return d.success && c.success ? zonedToInstant(d.data, c.data, zone) : text;
}
export function nowInput(now: Instant, zone: string): string {
  const p = zonedParts(now, zone);
  return `${p.date}T${p.time}`;
}

/** The case's checklist with the form's changes; only changed items go into the command. */
function checklistChanges(v: Values, c: Case): ChecklistItem[] {
  const set = (v.checklist ?? {}) as ChecklistValue;
  return c.checklist.flatMap((item) => {
    const s = set[item.code];
    if (s === undefined) return [];
    const next = { ...item, status: s.status, originalSighted: s.originalSighted, waiverReason: s.status === 'waived' ? (s.waiverReason.trim() === '' ? undefined : s.waiverReason) : undefined };
    return next.status === item.status && next.originalSighted === item.originalSighted && next.waiverReason === item.waiverReason ? [] : [next];
  });
}

const checklistField: FieldSpec = { kind: 'checklist', name: 'checklist', label: 'f.checklist' };
const signature = (name: string, label: MessageKey, when?: (v: Values) => boolean): FieldSpec => ({ kind: 'signature', name, label, ...(when === undefined ? {} : { when }) });

export const ACTION_SPECS: Partial<Record<CommandType, ActionSpec>> = {
  RequestSupplement: { fields: () => [{ kind: 'textarea', name: 'note', label: 'f.note' }], build: (v) => ({ note: opt(v, 'note') }) },
  RecordSupplement: {
    fields: () => [checklistField, signature('signatureEvidenceId', 'f.complainantSignature')],
    build: (v, ctx, ev) => ({ items: checklistChanges(v, ctx.case), signatureEvidenceId: one(ev, 'signatureEvidenceId') }),
  },
  Reject: {
    fields: (ctx) => [
      { kind: 'select', name: 'reason', label: 'f.reason', options: opts(ctx.fair.settings.refusalReasons, 'reason.') },
      { kind: 'textarea', name: 'text', label: 'f.reasonText' },
    ],
    initial: (ctx) => ({ reason: ctx.fair.settings.refusalReasons[0] ?? 'NR_OTHER' }),
    build: (v) => ({ reason: str(v, 'reason'), text: opt(v, 'text') }),
  },
  Accept: {
    fields: (ctx) => [checklistField, ...(ctx.case.flags.includes('DUPLICATE') ? [{ kind: 'textarea' as const, name: 'duplicateClearedReason', label: 'f.duplicateClearedReason' as const }] : [])],
    build: (v, ctx) => ({ checklist: checklistChanges(v, ctx.case), duplicateClearedReason: opt(v, 'duplicateClearedReason') }),
  },
  NotifyRespondent: {
    fields: () => [
      { kind: 'datetime', name: 'servedAt', label: 'f.servedAt' },
      { kind: 'select', name: 'service.kind', label: 'f.service', options: [{ value: 'signed', label: t('f.service.signed') }, { value: 'refused', label: t('f.service.refused') }] },
      signature('service.signatureEvidenceId', 'f.respondentSignature', (v) => v['service.kind'] !== 'refused'),
      { kind: 'text', name: 'service.witness', label: 'f.witness', when: (v) => v['service.kind'] === 'refused' },
    ],
    initial: (ctx) => ({ servedAt: nowInput(ctx.now, ctx.fair.settings.timeZone), 'service.kind': 'signed' }),
    build: (v, ctx, ev) => ({
      servedAt: zonedInput(str(v, 'servedAt'), ctx.fair.settings.timeZone),
      service: v['service.kind'] === 'refused' ? { kind: 'refused', witness: str(v, 'service.witness') } : { kind: 'signed', signatureEvidenceId: one(ev, 'service.signatureEvidenceId') },
    }),
  },
  RecordDefence: {
    fields: (ctx) => {
      const late = ctx.case.deadlines.defence !== undefined && ctx.now > ctx.case.deadlines.defence.dueAt;
      return [
        signature('signatureEvidenceId', 'f.respondentSignature'),
        { kind: 'textarea', name: 'summary', label: 'f.summary' },
        { kind: 'photos', name: 'evidenceIds', label: 'f.photos' },
        ...(late ? [{ kind: 'textarea' as const, name: 'goodCause.reason', label: 'f.goodCause' as const }] : []),
      ];
    },
    build: (v, ctx, ev) => ({
      signatureEvidenceId: one(ev, 'signatureEvidenceId'),
      summary: opt(v, 'summary'),
      evidenceIds: ev('evidenceIds'),
      goodCause: opt(v, 'goodCause.reason') === undefined ? undefined : { reason: str(v, 'goodCause.reason'), expertId: ctx.userId },
    }),
  },
  RecordAdmission: { fields: () => [signature('signatureEvidenceId', 'f.respondentSignature')], build: (_v, _c, ev) => ({ signatureEvidenceId: one(ev, 'signatureEvidenceId') }) },
  IssueOpinion: {
    fields: (ctx) => [
      { kind: 'select', name: 'conclusion', label: 'f.conclusion', options: opts(CONCLUSION_OPTIONS, 'conclusion.') },
      { kind: 'select', name: 'basis', label: 'f.basis', options: opts(OPINION_BASES, 'basis.') },
      { kind: 'textarea', name: 'reasons', label: 'f.reasons' },
      { kind: 'multi', name: 'experts', label: 'f.experts', options: ctx.experts },
    ],
    initial: (ctx) => ({
      conclusion: 'ESTABLISHED_ALLEGED',
      basis: ctx.case.state === 'ADMITTED' ? 'ADMISSION' : ctx.case.state === 'DEFENCE_OVERDUE' ? 'NO_DEFENCE' : 'EXPERT_REVIEW',
      experts: [ctx.userId],
    }),
    build: (v) => ({ conclusion: str(v, 'conclusion'), basis: str(v, 'basis'), reasons: str(v, 'reasons'), experts: (v.experts ?? []) as string[] }),
  },
  OrderMeasures: {
    fields: (ctx) => [{ kind: 'multi', name: 'measures', label: 'f.measures', options: opts(ctx.fair.settings.measuresEnabled, 'measure.') }],
    build: (v) => ({ measures: ((v.measures ?? []) as string[]).map((code) => ({ code })) }),
  },
  VerifyMeasure: {
    fields: (ctx) => [
      {
        kind: 'select',
        name: 'measureIndex',
        label: 'f.measureIndex',
        options: ctx.case.measures.flatMap((m, i) => (m.verification?.result === 'done' ? [] : [{ value: String(i), label: `${i + 1}. ${t(`measure.${m.code}`)}` }])),
      },
      { kind: 'select', name: 'result', label: 'f.result', options: opts(['done', 'refused'], 'result.') },
      { kind: 'photos', name: 'photos', label: 'f.photos' },
      { kind: 'textarea', name: 'note', label: 'f.note' },
    ],
    initial: (ctx) => ({ measureIndex: String(Math.max(0, ctx.case.measures.findIndex((m) => m.verification?.result !== 'done'))), result: 'done' }),
    build: (v, _c, ev) => ({ measureIndex: Number(str(v, 'measureIndex')), result: str(v, 'result'), atBooth: true, photos: ev('photos'), note: opt(v, 'note') }),
  },
  Transfer: {
    fields: (ctx) => [
      { kind: 'select', name: 'authority', label: 'f.authorityName', options: ctx.fair.settings.authorities.map((a) => ({ value: `${a.kind}|${a.name}`, label: `${a.name} (${t(`authorityKind.${a.kind}`)})` })) },
      { kind: 'textarea', name: 'reason', label: 'f.transferReason' },
    ],
    initial: (ctx) => {
      const a = ctx.fair.settings.authorities[0];
      return { authority: a === undefined ? '' : `${a.kind}|${a.name}` };
    },
    build: (v) => {
      const [kind = '', ...name] = str(v, 'authority').split('|');
      return { authorityName: name.join('|'), kind, reason: str(v, 'reason') };
    },
  },
  RecordHandover: {
    fields: () => [
      { kind: 'text', name: 'receivingOfficer', label: 'f.receivingOfficer' },
      { kind: 'datetime', name: 'handedOverAt', label: 'f.handedOverAt' },
    ],
    initial: (ctx) => ({ handedOverAt: nowInput(ctx.now, ctx.fair.settings.timeZone) }),
    build: (v, ctx) => ({ receivingOfficer: str(v, 'receivingOfficer'), handedOverAt: zonedInput(str(v, 'handedOverAt'), ctx.fair.settings.timeZone) }),
  },
  RequestReview: {
    fields: () => [
      { kind: 'select', name: 'party', label: 'f.party', options: [{ value: 'complainant', label: t('case.complainant') }, { value: 'respondent', label: t('case.respondent') }] },
      { kind: 'textarea', name: 'grounds', label: 'f.grounds' },
      signature('signatureEvidenceId', 'f.partySignature'),
    ],
    initial: () => ({ party: 'respondent' }),
    build: (v, _c, ev) => ({ party: str(v, 'party'), grounds: str(v, 'grounds'), signatureEvidenceId: one(ev, 'signatureEvidenceId') }),
  },
  DecideReview: {
    fields: () => [
      { kind: 'select', name: 'decision', label: 'f.decision', options: opts(['upheld', 'overturned'], 'decision.') },
      { kind: 'textarea', name: 'reasons', label: 'f.reasons' },
    ],
    initial: () => ({ decision: 'upheld' }),
    build: (v) => ({ decision: str(v, 'decision'), reasons: str(v, 'reasons') }),
  },
  RecordSettlement: {
    fields: () => [
      { kind: 'textarea', name: 'terms', label: 'f.terms' },
      signature('complainantSignatureEvidenceId', 'f.complainantSignature'),
      signature('respondentSignatureEvidenceId', 'f.respondentSignature'),
    ],
    build: (v, _c, ev) => ({ terms: str(v, 'terms'), complainantSignatureEvidenceId: one(ev, 'complainantSignatureEvidenceId'), respondentSignatureEvidenceId: one(ev, 'respondentSignatureEvidenceId') }),
  },
  Withdraw: {
    fields: () => [{ kind: 'textarea', name: 'reason', label: 'f.note' }, signature('signatureEvidenceId', 'f.complainantSignature')],
    build: (v, _c, ev) => ({ reason: opt(v, 'reason'), signatureEvidenceId: one(ev, 'signatureEvidenceId') }),
  },
  Close: {
    fields: () => [
      { kind: 'check', name: 'waive', label: 'f.waiveReview' },
      signature('reviewWaiver.complainantSignatureEvidenceId', 'f.complainantSignature', (v) => v.waive === true),
      signature('reviewWaiver.respondentSignatureEvidenceId', 'f.respondentSignature', (v) => v.waive === true),
    ],
    build: (v, _c, ev) => ({
      reviewWaiver:
        v.waive === true
          ? { complainantSignatureEvidenceId: one(ev, 'reviewWaiver.complainantSignatureEvidenceId'), respondentSignatureEvidenceId: one(ev, 'reviewWaiver.respondentSignatureEvidenceId') }
          : undefined,
    }),
  },
  RecordVoluntaryRemoval: {
    fields: () => [signature('respondentSignatureEvidenceId', 'f.respondentSignature'), { kind: 'photos', name: 'photos', label: 'f.photos' }],
    build: (_v, _c, ev) => ({ respondentSignatureEvidenceId: one(ev, 'respondentSignatureEvidenceId'), photos: ev('photos') }),
  },
  ReorderAfterRedisplay: {
    fields: (ctx) => [
      { kind: 'datetime', name: 'inspection.at', label: 'f.inspectionAt' },
      { kind: 'multi', name: 'measures', label: 'f.measures', options: opts(ctx.fair.settings.measuresEnabled, 'measure.') },
    ],
    initial: (ctx) => ({ 'inspection.at': nowInput(ctx.now, ctx.fair.settings.timeZone) }),
    build: (v, ctx) => ({
      inspection: { at: zonedInput(str(v, 'inspection.at'), ctx.fair.settings.timeZone), booth: ctx.case.respondent.booth, finding: 'redisplay' },
      measures: ((v.measures ?? []) as string[]).map((code) => ({ code })),
    }),
  },
  RecordPostShowResult: {
    fields: () => [
      { kind: 'select', name: 'outcome', label: 'f.outcome', options: opts(OUTCOMES, 'outcome.') },
      { kind: 'textarea', name: 'authorityResult', label: 'f.authorityResult' },
    ],
    initial: () => ({ outcome: 'UNRESOLVED' }),
    build: (v) => ({ outcome: str(v, 'outcome'), authorityResult: opt(v, 'authorityResult') }),
  },
  AddNote: { fields: () => [{ kind: 'textarea', name: 'text', label: 'f.text' }], build: (v) => ({ text: str(v, 'text') }) },
};

/** The checklist rows an action offers: all items, `orig` ones with the original-sighted box. */
export const checklistRows = (c: Case): readonly { item: ChecklistItem; orig: boolean }[] => c.checklist.map((item) => ({ item, orig: needsOriginal(item.code) }));
