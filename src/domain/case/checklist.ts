import { z } from 'zod';
import type { IpType } from '../codes';
import { isPatentType } from '../codes';
import type { Standing } from '../party';
import { OptionalText } from '../text';

/**
 * The documents a complaint needs (RD1–RD9), as checklist items on the case. Which codes
 * are required follows from the rights' types, the complainant's standing, an agent, a foreign
 * complainant, the fair's `requireEvaluationReport` and an RP5 prior-session matter.
 */
export const CHECKLIST_CODES = [
  'GEN-01', 'GEN-02', 'GEN-03', 'GEN-04', 'GEN-05', 'GEN-06', 'GEN-07',
  'PAT-01', 'PAT-02', 'PAT-03', 'PAT-04',
  'TM-01', 'TM-02',
  'CR-01', 'CR-02',
  'LIC-01', 'LIC-02', 'LIC-03',
  'AGT-01', 'AGT-02',
  'FOR-01', 'FOR-02', 'FOR-03',
  'REP-01',
] as const;
export const ChecklistCode = z.enum(CHECKLIST_CODES);
export type ChecklistCode = z.infer<typeof ChecklistCode>;

/** §5 `orig`: the desk must sight the original, not a copy. */
export const ORIGINAL_REQUIRED: ReadonlySet<ChecklistCode> = new Set<ChecklistCode>(['GEN-02', 'PAT-01', 'TM-01']);
export const needsOriginal = (code: ChecklistCode): boolean => ORIGINAL_REQUIRED.has(code);

export const CHECKLIST_STATUSES = ['missing', 'provided', 'verified', 'waived'] as const;
export const ChecklistStatus = z.enum(CHECKLIST_STATUSES);
export type ChecklistStatus = z.infer<typeof ChecklistStatus>;

export const ChecklistItem = z
  .object({
    code: ChecklistCode,
    /** False for the optional items (GEN-07, TM-02): listed so the desk can record them. */
    required: z.boolean(),
    status: ChecklistStatus,
    originalSighted: z.boolean().default(false),
    waiverReason: OptionalText(200),
  })
  .superRefine((item, ctx) => {
    if (item.status === 'waived' && item.waiverReason === undefined) {
      ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['waiverReason'] });
    }
    if (item.status !== 'waived' && item.waiverReason !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'NOT_APPLICABLE', path: ['waiverReason'] });
    }
    // An `orig` item is verified only against the original.
    if (item.status === 'verified' && needsOriginal(item.code) && !item.originalSighted) {
      ctx.addIssue({ code: 'custom', message: 'ORIGINAL_NOT_SIGHTED', path: ['originalSighted'] });
    }
  });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export interface ChecklistFacts {
  readonly rightTypes: readonly IpType[];
  /** The complainant's standing; absent means the holder files. */
  readonly standing?: Standing | undefined;
  readonly hasAgent: boolean;
  /** The complainant's country differs from the fair's (§2 `foreignRelated`). */
  readonly foreignComplainant: boolean;
  /** Fair setting (§3): utility-model and design rights need an evaluation report (PAT-04). */
  readonly requireEvaluationReport: boolean;
  /** RP5: the same complainant, right and respondent were determined last session. */
  readonly priorSessionMatter: boolean;
}

const STANDING_CODES = {
  holder: [],
  exclusive_licensee: ['LIC-01'],
  sole_licensee: ['LIC-01', 'LIC-02'],
  ordinary_licensee: ['LIC-01', 'LIC-02'],
  assignee_heir: ['LIC-03'],
} as const satisfies Record<Standing, readonly ChecklistCode[]>;

const OPTIONAL: ReadonlySet<ChecklistCode> = new Set<ChecklistCode>(['GEN-07', 'TM-02']);

/** The codes that apply to a complaint, required and optional, in §5 order. */
export function applicableCodes(facts: ChecklistFacts): readonly ChecklistCode[] {
  const codes = new Set<ChecklistCode>(['GEN-01', 'GEN-02', 'GEN-03', 'GEN-04', 'GEN-05', 'GEN-06', 'GEN-07']);
  for (const type of facts.rightTypes) {
    if (isPatentType(type)) {
      codes.add('PAT-01').add('PAT-02').add('PAT-03');
      // 专利权评价报告 exists for utility models and designs only.
      if (facts.requireEvaluationReport && type !== 'invention') codes.add('PAT-04');
    }
    if (type === 'trademark') codes.add('TM-01').add('TM-02');
    if (type === 'copyright') codes.add('CR-01').add('CR-02');
  }
  for (const c of STANDING_CODES[facts.standing ?? 'holder']) codes.add(c);
  if (facts.hasAgent) codes.add('AGT-01').add('AGT-02');
  if (facts.foreignComplainant) codes.add('FOR-01').add('FOR-02').add('FOR-03');
  if (facts.priorSessionMatter) codes.add('REP-01');
  return CHECKLIST_CODES.filter((c) => codes.has(c));
}

/** A fresh checklist: every applicable item `missing`, optional ones marked `required: false`. */
export function requiredChecklist(facts: ChecklistFacts): ChecklistItem[] {
  return applicableCodes(facts).map((code) => ({ code, required: !OPTIONAL.has(code), status: 'missing', originalSighted: false, waiverReason: undefined }));
}

/** CS9: the required items still `missing`. */
export const missingRequired = (items: readonly ChecklistItem[]): ChecklistCode[] =>
  items.filter((i) => i.required && i.status === 'missing').map((i) => i.code);

/** CS12: the required items neither `verified` nor `waived` (a `provided` copy is not yet enough). */
export const unverifiedRequired = (items: readonly ChecklistItem[]): ChecklistCode[] =>
  items.filter((i) => i.required && i.status !== 'verified' && i.status !== 'waived').map((i) => i.code);
