import { z } from 'zod';
import { IpType, RightStatus, isPatentType } from './codes';
import { IdText, Text } from './text';
import { Country } from './validators/country';
import { PatentNumber, patentTypeOf } from './validators/patent';
import { NiceClass, TrademarkNumber } from './validators/trademark';

/**
 * An IP right named in a complaint or declared in a commitment (EN8). Numbers of CN
 * rights are checked by type: patents by CNIPA's check digit and their type digit (VA3), trademarks
 * as registration numbers with ≥1 Nice class. A CN number is stored in its canonical form.
 */
export const STATUS_SOURCES = ['certificate', 'register_extract', 'fee_receipt', 'online_check', 'declared'] as const;
export const StatusSource = z.enum(STATUS_SOURCES);
export type StatusSource = z.infer<typeof StatusSource>;

const base = z.object({
  type: IpType,
  number: IdText(1, 40),
  title: Text(1, 200),
  holder: Text(1, 100),
  jurisdiction: Country,
  niceClasses: z.array(NiceClass).max(45).optional(),
  status: RightStatus,
  statusSource: StatusSource,
});

const copyIssues = (issues: readonly z.core.$ZodIssue[], ctx: z.RefinementCtx, path: PropertyKey[]) => {
  for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.message, path });
};

export const IpRight = base
  .superRefine((r, ctx) => {
    const cn = r.jurisdiction === 'CN';
    if (isPatentType(r.type) && cn) {
      const n = PatentNumber.safeParse(r.number);
      if (!n.success) copyIssues(n.error.issues, ctx, ['number']);
      else if (patentTypeOf(n.data) !== r.type) {
        ctx.addIssue({ code: 'custom', message: 'PATENT_TYPE_MISMATCH', path: ['number'], params: { type: r.type } });
      }
    }
    if (r.type === 'trademark') {
      if (cn) {
        const n = TrademarkNumber.safeParse(r.number);
        if (!n.success) copyIssues(n.error.issues, ctx, ['number']);
      }
      if (r.niceClasses === undefined || r.niceClasses.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['niceClasses'] });
      } else if (new Set(r.niceClasses).size !== r.niceClasses.length) {
        ctx.addIssue({ code: 'custom', message: 'DUPLICATE_VALUE', path: ['niceClasses'] });
      }
    } else if (r.niceClasses !== undefined && r.niceClasses.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'NOT_APPLICABLE', path: ['niceClasses'] });
    }
  })
  .transform((r) => {
    // Canonical numbers so that RP4's "same right (type + number)" compares like with like.
    if (r.jurisdiction !== 'CN') return r;
    if (isPatentType(r.type)) return { ...r, number: PatentNumber.parse(r.number) as string };
    if (r.type === 'trademark') {
      return { ...r, number: TrademarkNumber.parse(r.number) as string, niceClasses: [...(r.niceClasses ?? [])].sort((a, b) => a - b) };
    }
    return r;
  });
export type IpRight = z.infer<typeof IpRight>;
export type IpRightInput = z.input<typeof IpRight>;

/** RP4: the identity of a right is its type, jurisdiction and canonical number. */
export const rightKey = (r: IpRight): string => `${r.type}:${r.jurisdiction}:${r.number}`;
