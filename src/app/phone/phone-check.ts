import type { ClauseSet } from '../../domain/commitment-templates';
import type { Language } from '../../domain/codes';
import type { Fair } from '../../domain/fair';
import { parseFields, type FieldError } from '../../domain/field-errors';
import type { Instant } from '../../domain/time';
import { PhoneCommitment, PhoneComplaint } from '../../domain/wire/phone-payload';
import { toRawInput, type ComplaintForm } from '../screens/complaint-intake/complaint-form';
import type { PhoneCommitmentForm, PhoneComplaintForm } from './phone-form';

/**
 * The checks of the phone's two forms. The party and right fields are the desk intake's own
 * (`toRawInput`), and the result is parsed with the domain schemas in `PhoneComplaint` /
 * `PhoneCommitment`: the phone refuses exactly what the desk would.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

/** CS2: an empty signature reads "please sign", not "too few strokes". */
const signatureCode = (errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => (e.field === 'signature' && e.code === 'TOO_FEW' ? { field: 'signature', code: 'SIGNATURE_REQUIRED', params: {} } : e));

export function checkComplaint(form: PhoneComplaintForm, fair: Fair, language: Language, now: Instant): Checked<PhoneComplaint> {
  const asDesk: ComplaintForm = { ...form, respondents: [], items: [], checklist: {}, signature: '' };
  const desk = toRawInput(asDesk, fair, now);
  const raw = {
    kind: 'complaint',
    id: form.id,
    fairId: fair.id,
    filedAt: now,
    language,
    complainant: desk.complainant,
    agent: desk.agent,
    rights: desk.rights,
    respondents: form.respondents.map((r) => ({
      name: r.name,
      booth: opt(r.hall) === undefined && opt(r.stand) === undefined ? undefined : { hall: r.hall, stand: r.stand },
    })),
    accusedItems: form.items.map((i) => ({ description: i.description, photos: i.photos })),
    signature: form.signature,
  };
  const parsed = parseFields(PhoneComplaint, raw);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, errors: signatureCode(parsed.errors) };
}

/** PI11: checked against the clauses the phone showed; their template id travels with the signing. */
export function checkCommitment(form: PhoneCommitmentForm, fair: Fair, clauses: ClauseSet, language: Language, now: Instant): Checked<PhoneCommitment> {
  const parsed = parseFields(PhoneCommitment, {
    kind: 'commitment',
    id: form.id,
    fairId: fair.id,
    signedAt: now,
    language,
    exhibitorName: form.exhibitorName,
    booth: { hall: form.hall, stand: form.stand },
    templateVersion: clauses.templateVersion,
    clausesAccepted: form.clausesAccepted,
    signer: { name: form.signerName, title: form.signerTitle, phone: form.signerPhone },
    signature: form.signature,
  });
  if (!parsed.ok) return { ok: false, errors: signatureCode(parsed.errors) };
  // §8: every clause of the template, as the desk's signing screen asks.
  const missing = clauses.clauses.filter((c) => !parsed.value.clausesAccepted.includes(c.code));
  if (missing.length > 0) return { ok: false, errors: [{ field: 'clausesAccepted', code: 'CLAUSES_NOT_ACCEPTED', params: { missing: missing.map((c) => c.code).join(',') } }] };
  return { ok: true, value: parsed.value };
}
