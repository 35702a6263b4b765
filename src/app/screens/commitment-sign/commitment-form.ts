import { z } from 'zod';
import { CLAUSE_CODES, Signer, type ClauseCode, type SignedCommitment } from '../../../domain/commitment';
import type { ClauseSet } from '../../../domain/commitment-templates';
import type { IpType } from '../../../domain/codes';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { IpRight, type IpRightInput } from '../../../domain/ip-right';
import type { Language } from '../../../domain/codes';

/**
 * The commitment form as typed (CM4, CM10: the fair's clauses): every clause ticked, declared rights
 * checked by the domain's IpRight, the signer, and the handwritten signature (a PNG data URL
 * until signed; stored as evidence kind `signature` on signing).
 */
export interface RightForm {
  type: IpType;
  number: string;
  title: string;
  holder: string;
  jurisdiction: string;
  /** Nice classes, comma separated (trademarks). */
  niceClasses: string;
}

export interface CommitmentForm {
  /** The language the clauses are shown in while signing (the print has both). */
  language: Language;
  /** CM11: the template id the ticks were made under; ticks of another wording count for nothing. */
  template: string;
  clausesAccepted: ClauseCode[];
  declaredRights: RightForm[];
  signerName: string;
  signerTitle: string;
  signerPhone: string;
  /** `data:image/png;base64,…`, or '' when nothing is drawn. */
  signature: string;
}

export const blankRight = (): RightForm => ({ type: 'trademark', number: '', title: '', holder: '', jurisdiction: 'CN', niceClasses: '' });

export const blankCommitmentForm = (language: Language): CommitmentForm => ({
  language,
  template: '',
  clausesAccepted: [],
  declaredRights: [],
  signerName: '',
  signerTitle: '',
  signerPhone: '',
  signature: '',
});

/** CM2: a change starts from the current version's rights and signer; clauses and signature again. */
export const amendForm = (c: SignedCommitment, language: Language): CommitmentForm => ({
  ...blankCommitmentForm(language),
  declaredRights: c.declaredRights.map((r) => ({
    type: r.type,
    number: r.number,
    title: r.title,
    holder: r.holder,
    jurisdiction: r.jurisdiction,
    niceClasses: (r.niceClasses ?? []).join(', '),
  })),
  signerName: c.signer.name,
  signerTitle: c.signer.title,
  signerPhone: c.signer.phone,
});

export function rightInput(r: RightForm): IpRightInput {
  const classes = r.niceClasses
    .split(/[,，、\s]+/)
    .filter((x) => x !== '')
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  return {
    type: r.type,
    number: r.number,
    title: r.title,
    holder: r.holder,
    jurisdiction: r.jurisdiction,
    ...(classes.length > 0 ? { niceClasses: classes as number[] } : {}),
    // A right declared by the exhibitor: valid by its own word, source `declared`.
    status: 'valid',
    statusSource: 'declared',
  };
}

/** The parts of §8 the signer fills in, checked with the domain's own schemas, against the clauses shown. */
const signable = (set: ClauseSet) =>
  z
    .object({
      clausesAccepted: z.array(z.enum(CLAUSE_CODES)),
      declaredRights: z.array(IpRight).max(100),
      signer: Signer,
    })
    .superRefine((c, ctx) => {
      const missing = set.clauses.map((cl) => cl.code).filter((code) => !c.clausesAccepted.includes(code));
      if (missing.length > 0) ctx.addIssue({ code: 'custom', message: 'CLAUSES_NOT_ACCEPTED', path: ['clausesAccepted'], params: { missing: missing.join(',') } });
    });
export type Signable = z.output<ReturnType<typeof signable>>;

/** Every error of the form at once, field by field; nothing is stored while there is one. */
export function validateCommitmentForm(f: CommitmentForm, set: ClauseSet): { ok: true; value: Signable } | { ok: false; errors: FieldError[] } {
  const input = {
    // CM11: ticks made under another wording are no consent to this one.
    clausesAccepted: f.template === set.templateVersion ? f.clausesAccepted : [],
    declaredRights: f.declaredRights.map(rightInput),
    signer: { name: f.signerName, title: f.signerTitle, phone: f.signerPhone },
  };
  const parsed = parseFields(signable(set), input);
  const noSignature: FieldError[] = f.signature === '' ? [{ field: 'signature', code: 'SIGNATURE_REQUIRED', params: {} }] : [];
  if (parsed.ok && noSignature.length === 0) return { ok: true, value: parsed.value };
  return { ok: false, errors: [...(parsed.ok ? [] : parsed.errors), ...noSignature] };
}

/** The PNG of the drawn signature, from its data URL (no fetch: works offline, no CSP change). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',', 2);
  const mime = /^data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/png';
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
