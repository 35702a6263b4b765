import { z } from 'zod';
import { requiredChecklist, type ChecklistCode, type ChecklistItem, type ChecklistStatus } from '../../../domain/case/checklist';
import { AccusedItem, Respondent } from '../../../domain/case/case';
import { SubmitPayload } from '../../../domain/case/commands';
import type { Fair } from '../../../domain/fair';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import type { Instant } from '../../../domain/time';
import { blankParty, blankRight, type PartyForm, type RightForm } from './party-right-form';

export { blankParty, blankRight, type PartyForm, type RightForm };

/**
 * The complaint intake form (EN6–EN9, RD1–RD9) as the desk fills it: every field a
 * string, so a half-typed draft survives a reload. Its paths are the domain schema's paths
 * (`complainant.uscc`, `rights.0.number`, `respondents.1.booth.hall`), so the domain's field
 * errors land under their own inputs.
 */
export interface RespondentForm {
  exhibitorKey: string;
  name: string;
  hall: string;
  stand: string;
}
export interface ItemForm {
  description: string;
  evidenceIds: string[];
}
export interface CheckForm {
  status: ChecklistStatus;
  originalSighted: boolean;
}
export interface ComplaintForm {
  complainant: PartyForm;
  hasAgent: boolean;
  agent: PartyForm;
  rights: RightForm[];
  respondents: RespondentForm[];
  items: ItemForm[];
  checklist: Partial<Record<ChecklistCode, CheckForm>>;
  /** The complainant's signature as a PNG data URL (stored as evidence on save). */
  signature: string;
}

export const blankItem = (): ItemForm => ({ description: '', evidenceIds: [] });

export const blankComplaintForm = (fair: Fair | undefined): ComplaintForm => {
  const country = fair?.settings.country ?? 'CN';
  return {
    complainant: blankParty(country),
    hasAgent: false,
    agent: { ...blankParty(country, 'person') },
    rights: [blankRight(fair?.settings.rightJurisdictions[0] ?? 'CN')],
    respondents: [],
    items: [blankItem()],
    checklist: {},
    signature: '',
  };
};

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

function partyInput(p: PartyForm, role: 'complainant' | 'agent'): Record<string, unknown> {
  return {
    role,
    kind: p.kind,
    name: p.name,
    country: p.country,
    uscc: opt(p.uscc),
    foreignRegNo: opt(p.foreignRegNo),
    idDoc: p.idType === '' || p.idNumber.trim() === '' ? undefined : { type: p.idType, number: p.idNumber },
    // Left empty it is missing (REQUIRED), not a badly formed number.
    phone: opt(p.phone),
    badgeNo: opt(p.badgeNo),
    standing: role === 'complainant' ? p.standing : undefined,
  };
}

/** Nice classes typed as `9, 25 35`: numbers when they are numbers, else left for zod to refuse. */
const niceClasses = (text: string): unknown[] | undefined => {
  const parts = text.split(/[\s,，;；]+/).filter((s) => s !== '');
  return parts.length === 0 ? undefined : parts.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
};

/** What the checklist facts need from the form (RD1). */
export function checklistOf(form: ComplaintForm, fair: Fair | undefined): ChecklistItem[] {
  const base = requiredChecklist({
    rightTypes: form.rights.map((r) => r.type),
    standing: form.complainant.standing,
    hasAgent: form.hasAgent,
    foreignComplainant: form.complainant.country.trim().toUpperCase() !== (fair?.settings.country ?? 'CN'),
    requireEvaluationReport: fair?.settings.requireEvaluationReport ?? false,
    priorSessionMatter: false,
  });
  return base.map((item) => {
    const set = form.checklist[item.code];
    return set === undefined ? item : { ...item, status: set.status, originalSighted: set.originalSighted };
  });
}

/** The store's ComplaintInput (desk contract): SubmitPayload without number, id, respondent; plus respondents. */
export const ComplaintDraftSchema = SubmitPayload.omit({ caseNo: true, complaintId: true, respondent: true, signatureEvidenceId: true }).extend({
  respondents: z.array(Respondent).min(1).max(20),
  accusedItems: z.array(AccusedItem).min(1).max(50),
});
export type ComplaintDraft = z.output<typeof ComplaintDraftSchema>;

export function toRawInput(form: ComplaintForm, fair: Fair, receivedAt: Instant): Record<string, unknown> {
  return {
    fairId: fair.id,
    channel: 'desk',
    receivedAt,
    complainant: partyInput(form.complainant, 'complainant'),
    agent: form.hasAgent ? partyInput(form.agent, 'agent') : undefined,
    rights: form.rights.map((r) => ({
      type: r.type,
      number: r.number,
      title: r.title,
      holder: r.holder,
      jurisdiction: r.jurisdiction,
      niceClasses: r.type === 'trademark' ? niceClasses(r.niceClasses) : undefined,
      status: r.status,
      statusSource: r.statusSource,
    })),
    respondents: form.respondents.map((r) => ({
      exhibitorKey: opt(r.exhibitorKey),
      name: r.name,
      booth: { hall: r.hall, stand: r.stand },
    })),
    accusedItems: form.items.map((i) => ({ description: i.description, evidenceIds: i.evidenceIds })),
    checklist: checklistOf(form, fair),
    experts: [],
  };
}

/** Validates the whole form; the signature is checked here too (CS2), so nothing is stored on bad input. */
export function validateComplaint(
  form: ComplaintForm,
  fair: Fair,
  receivedAt: Instant,
): { ok: true; value: ComplaintDraft } | { ok: false; errors: FieldError[] } {
  const parsed = parseFields(ComplaintDraftSchema, toRawInput(form, fair, receivedAt));
  const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
  if (form.signature === '') errors.push({ field: 'signature', code: 'SIGNATURE_REQUIRED', params: {} });
  if (form.respondents.length === 0 && !errors.some((e) => e.field === 'respondents')) {
    errors.push({ field: 'respondents', code: 'TOO_FEW', params: { min: 1 } });
  }
  return parsed.ok && errors.length === 0 ? { ok: true, value: parsed.value } : { ok: false, errors };
}
