import { z } from 'zod';
import { Text } from './text';

/**
 * The clause texts an exhibitor signs (CM4, CM8–CM11 in REFERENCE.md): the built-in templates,
 * compiled into the desk and the phone, and a fair's own wording (`commitmentClauses`), which
 * the organizer edits per fair in both languages. A clause is named by its place: `CL1`…
 */

/** CM9: at most this many clauses in a fair's own wording. */
export const MAX_CLAUSES = 20;

export const CLAUSE_CODES = [
  'CL1', 'CL2', 'CL3', 'CL4', 'CL5', 'CL6', 'CL7', 'CL8', 'CL9', 'CL10',
  'CL11', 'CL12', 'CL13', 'CL14', 'CL15', 'CL16', 'CL17', 'CL18', 'CL19', 'CL20',
] as const;
export const ClauseCode = z.enum(CLAUSE_CODES);
export type ClauseCode = z.infer<typeof ClauseCode>;

/** The code of the clause at `index` (0-based). */
export const clauseCodeAt = (index: number): ClauseCode => `CL${index + 1}` as ClauseCode;

export interface Clause {
  readonly code: ClauseCode;
  readonly zh: string;
  readonly en: string;
}

/** CM9: one clause of a fair's own wording, free text (TX2: NFC, punctuation as typed). */
export const CLAUSE_MAX_CHARS = { zh: 300, en: 600 } as const;
export const ClauseText = z.object({ zh: Text(1, CLAUSE_MAX_CHARS.zh), en: Text(1, CLAUSE_MAX_CHARS.en) });
export type ClauseText = z.infer<typeof ClauseText>;
export const ClauseTexts = z.array(ClauseText).min(1).max(MAX_CLAUSES);

/**
 * Template texts are data: printed on N4 and shown at signing in both languages. CM8: a built-in
 * template's text never changes once released (commitments name it, not copy it); new wording is
 * a new template id.
 */
export const COMMITMENT_TEMPLATES = {
  v1: [
    { code: 'CL1', zh: '遵守本展会知识产权规则', en: "I follow the fair's IP rules" },
    { code: 'CL2', zh: '展品、包装、展台、资料不侵权', en: 'nothing I show infringes IP' },
    { code: 'CL3', zh: '已自查参展物品', en: 'I have checked my exhibits' },
    { code: 'CL4', zh: '携带或预先登记权利证明', en: 'I bring or pre-register my proofs' },
    { code: 'CL5', zh: '规范标注知识产权标识', en: 'my IP markings are accurate' },
    { code: 'CL6', zh: '配合巡查与投诉处理，按期答辩', en: 'I cooperate and answer in time' },
    { code: 'CL7', zh: '接受撤展、遮盖等措施', en: 'I accept withdrawal, covering etc.' },
    { code: 'CL8', zh: '知悉通报、扣减展位、禁展等后果', en: 'I know the sanctions, up to a ban' },
    { code: 'CL9', zh: '信息真实，同意记录并报送', en: 'my data is true and may be reported' },
  ],
  v2: [
    {
      code: 'CL1',
      zh: '本单位已知悉并遵守《中华人民共和国专利法》《中华人民共和国商标法》《中华人民共和国著作权法》等法律法规及本届展会的知识产权保护规定。',
      en: "We know and comply with the Patent Law, the Trademark Law and the Copyright Law of the People's Republic of China, the other applicable laws and regulations, and this fair's rules on intellectual property protection.",
    },
    {
      code: 'CL2',
      zh: '本单位的参展展品、展品包装、展位设计、宣传资料及其他展示物品不侵犯他人的专利权、商标权、著作权等知识产权。',
      en: 'None of our exhibits, their packaging, our booth design, our promotional material or anything else we display infringes a patent, trademark, copyright or other intellectual property right of others.',
    },
    {
      code: 'CL3',
      zh: '本单位在布展前已对全部参展物品进行知识产权自查，展会期间不展示、不销售、不宣传涉嫌侵权的物品。',
      en: 'Before setting up, we checked every item we bring for intellectual property issues; during the fair we do not display, sell or promote any item suspected of infringing.',
    },
    {
      code: 'CL4',
      zh: '本单位在展位备存所展示物品的权利证明（专利证书、商标注册证、著作权登记证书或授权许可文件等），知识产权服务台要求时当场出示。',
      en: 'We keep at our booth proof of the rights in what we display (patent certificates, trademark registration certificates, copyright registrations, licences and the like) and show it at once when the IP desk asks.',
    },
    {
      code: 'CL5',
      zh: '本单位在展品及宣传资料上使用的专利标识、注册商标标识等知识产权标识真实、规范，不作虚假或引人误解的标注。',
      en: 'The patent markings, registered trademark symbols and other IP markings on our exhibits and promotional material are true and correctly used; we make no false or misleading marking.',
    },
    {
      code: 'CL6',
      zh: '本单位配合知识产权服务台及行政执法部门的巡查、调查和投诉处理，收到投诉通知后在规定时限内提交书面答辩及证明材料。',
      en: 'We cooperate with the IP desk and the administrative enforcement authorities in their inspections, inquiries and complaint handling, and after being notified of a complaint we submit a written defence and our evidence within the time set.',
    },
    {
      code: 'CL7',
      zh: '知识产权服务台认定展品涉嫌侵权的，本单位在规定时限内将其撤出展会，或按要求遮盖展品、撤除宣传资料，并在本届展会期间不再展出。',
      en: 'Where the IP desk decides that an exhibit is suspected of infringing, we remove it from the fair within the time set, or cover it or withdraw the promotional material as required, and do not display it again during this fair.',
    },
    {
      code: 'CL8',
      zh: '本单位知悉：拒不配合或被认定侵权的，主办方可予以通报、扣减下届展位直至取消参展资格，并可移交行政执法部门依法处理。',
      en: 'We understand that if we refuse to cooperate or are found to infringe, the organizer may publish the finding, reduce our booths at the next session or bar us from exhibiting, and may refer the matter to the enforcement authorities.',
    },
    {
      code: 'CL9',
      zh: '本单位提供的信息真实、准确、完整；同意主办方记录本承诺及相关投诉处理情况，并报送知识产权管理部门。',
      en: 'The information we give is true, accurate and complete; we agree that the organizer records this commitment and the handling of any complaint, and reports them to the intellectual property authorities.',
    },
  ],
} as const satisfies Record<string, readonly Clause[]>;
export type BuiltInTemplate = keyof typeof COMMITMENT_TEMPLATES;
export const BUILT_IN_TEMPLATES = Object.keys(COMMITMENT_TEMPLATES) as [BuiltInTemplate, ...BuiltInTemplate[]];
export const BuiltInTemplate = z.enum(BUILT_IN_TEMPLATES);
/** CM10: the template new fairs get. */
export const DEFAULT_TEMPLATE = 'v2' satisfies BuiltInTemplate;

/** CM10: a fair's own wording is named `custom-<n>`, n counting the fair's saves of changed text. */
export type CustomTemplate = `custom-${number}`;
export const customTemplate = (version: number): CustomTemplate => `custom-${version}`;
export const isCustomTemplate = (t: string): t is CustomTemplate => /^custom-[1-9][0-9]{0,5}$/.test(t);

/** What a commitment names as its text: a built-in template or a fair's numbered wording. */
export type TemplateVersion = BuiltInTemplate | CustomTemplate;
export const TemplateVersion = z.union([BuiltInTemplate, z.string().refine(isCustomTemplate, { message: 'TEMPLATE' })]) as z.ZodType<TemplateVersion, TemplateVersion>;

/** CM10: the fair setting: which text the fair's exhibitors sign. */
export const CLAUSE_CHOICES = ['v2', 'v1', 'custom'] as const;
export const ClauseChoice = z.enum(CLAUSE_CHOICES);
export type ClauseChoice = z.infer<typeof ClauseChoice>;

/** CM10: a fair's own wording and its version, kept while another choice is active. */
export const FairClauses = z.object({ version: z.number().int().min(1).max(999_999), clauses: ClauseTexts });
export type FairClauses = z.infer<typeof FairClauses>;

const withCodes = (texts: readonly ClauseText[]): Clause[] => texts.map((c, i) => ({ code: clauseCodeAt(i), zh: c.zh, en: c.en }));

/** The text a fair's exhibitors sign now: its template id and clauses, and the texts to freeze (CM11). */
export interface ClauseSet {
  readonly templateVersion: TemplateVersion;
  readonly clauses: readonly Clause[];
  /** Set for a fair's own wording only: built-in texts are named, not copied (CM8). */
  readonly frozen?: readonly ClauseText[];
}

export function fairClauseSet(settings: { readonly commitmentTemplate: ClauseChoice; readonly commitmentClauses?: FairClauses | undefined }): ClauseSet {
  const own = settings.commitmentClauses;
  if (settings.commitmentTemplate === 'custom' && own !== undefined) {
    return { templateVersion: customTemplate(own.version), clauses: withCodes(own.clauses), frozen: own.clauses };
  }
  const builtIn = settings.commitmentTemplate === 'custom' ? DEFAULT_TEMPLATE : settings.commitmentTemplate;
  return { templateVersion: builtIn, clauses: COMMITMENT_TEMPLATES[builtIn] };
}

/** CM11: the clauses a commitment was signed under: its frozen texts, else its built-in template's. */
export function clausesOf(c: { readonly templateVersion: TemplateVersion; readonly clauses?: readonly ClauseText[] | undefined }): readonly Clause[] {
  if (c.clauses !== undefined) return withCodes(c.clauses);
  return isCustomTemplate(c.templateVersion) ? [] : COMMITMENT_TEMPLATES[c.templateVersion];
}

const sameTexts = (a: readonly ClauseText[], b: readonly ClauseText[]): boolean =>
  a.length === b.length && a.every((c, i) => c.zh === b[i]?.zh && c.en === b[i]?.en);

/**
 * CM10: each save whose wording differs from the stored one is the next version; a save with the
 * same wording keeps the stored version, whatever number the form carried.
 */
export function reviseFairClauses(before: FairClauses | undefined, after: FairClauses | undefined): FairClauses | undefined {
  if (after === undefined) return before;
  if (before === undefined) return { version: 1, clauses: after.clauses };
  if (sameTexts(before.clauses, after.clauses)) return before;
  return { version: before.version + 1, clauses: after.clauses };
}
