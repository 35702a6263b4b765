import { z } from 'zod';
import { ExhibitorId, FairId } from './ids';
import { IdText, OptionalText, Text, normaliseText } from './text';
import type { BoothPatterns } from './validators/booth';
import { Booth, boothSchemaFor } from './validators/booth';
import { Country } from './validators/country';
import { Phone } from './validators/phone';
import { recordMeta } from './validators/record-meta';
import { Uscc } from './validators/uscc';

/**
 * An exhibitor of one fair session (EN4, EN5). Its `exhibitorKey` follows it across sessions
 * (RP1): `CN:<uscc>`, else `<country>:<regNo>`, else `NAME:<name>`, which is weak (a name is not
 * an identity, RP1 "never name") and carries a `weakKey` warning.
 */
export const ExhibitorKey = z
  .string()
  // Upper-casing can lengthen a name (ß → SS), hence the slack over the 40 and 100 of §2.
  .regex(/^(CN:[0-9A-HJ-NP-RTUWXY]{18}|[A-Z]{2}:\S.{0,79}|NAME:\S.{0,199})$/u, { message: 'INVALID_FORMAT' })
  .brand<'ExhibitorKey'>();
export type ExhibitorKey = z.infer<typeof ExhibitorKey>;

export const Contact = z.object({
  name: Text(1, 50),
  phone: Phone,
  title: OptionalText(50),
});
export type Contact = z.infer<typeof Contact>;

const build = (booth: typeof Booth) =>
  z
    .object({
      id: ExhibitorId,
      fairId: FairId,
      nameZh: Text(1, 100),
      nameEn: OptionalText(200),
      country: Country,
      uscc: Uscc.optional(),
      foreignRegNo: IdText(1, 40).optional(),
      /** 交易团: the delegation the exhibitor came with. */
      delegation: OptionalText(100),
      booths: z.array(booth).min(1).max(100),
      contacts: z.array(Contact).max(20).default([]),
      /** The version of the fair's list on the server that wrote this record (its console), if any. */
      listVersion: z.number().int().min(1).optional(),
      ...recordMeta,
    })
    .superRefine((e, ctx) => {
      if (e.uscc !== undefined && e.country !== 'CN') {
        ctx.addIssue({ code: 'custom', message: 'USCC_NOT_APPLICABLE', path: ['uscc'] });
      }
      // `CN:` keys are USCC keys: a CN exhibitor is keyed by its USCC or, failing that, its name.
      if (e.foreignRegNo !== undefined && e.country === 'CN') {
        ctx.addIssue({ code: 'custom', message: 'FOREIGN_REG_NO_NOT_APPLICABLE', path: ['foreignRegNo'] });
      }
      const seen = new Set<string>();
      e.booths.forEach((b, i) => {
        const k = `${b.hall}/${b.stand}`;
        if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'DUPLICATE_VALUE', path: ['booths', i] });
        seen.add(k);
      });
    });

/** An exhibitor whose booths follow the default patterns (§2). */
export const Exhibitor = build(Booth);
export type Exhibitor = z.infer<typeof Exhibitor>;
export type ExhibitorInput = z.input<typeof Exhibitor>;

const cache = new Map<typeof Booth, typeof Exhibitor>([[Booth, Exhibitor]]);

/** The exhibitor schema of one fair: its booths checked against `settings.booth` (§3). */
export function exhibitorSchemaFor(patterns: BoothPatterns): typeof Exhibitor {
  const booth = boothSchemaFor(patterns);
  let schema = cache.get(booth);
  if (schema === undefined) {
    schema = build(booth);
    cache.set(booth, schema);
  }
  return schema;
}

/** Names compare after NFKC, trimming, collapsing inner whitespace and upper-casing Latin letters. */
const nameForKey = (name: string): string => normaliseText(name).replace(/\s+/g, ' ').toUpperCase();

export interface ExhibitorKeyResult {
  readonly key: ExhibitorKey;
  /** True for a `NAME:` key: RP1 matching on it is unreliable; the app warns (`weakKey`). */
  readonly weakKey: boolean;
}

/** The exhibitor's key and whether it is weak. Accepts any shape with the identifying fields. */
export function exhibitorKeyOf(e: Pick<Exhibitor, 'country' | 'uscc' | 'foreignRegNo' | 'nameZh'>): ExhibitorKeyResult {
  if (e.uscc !== undefined) return { key: `CN:${e.uscc}` as ExhibitorKey, weakKey: false };
  if (e.foreignRegNo !== undefined) return { key: `${e.country}:${nameForKey(e.foreignRegNo)}` as ExhibitorKey, weakKey: false };
  return { key: `NAME:${nameForKey(e.nameZh)}` as ExhibitorKey, weakKey: true };
}

/** `CN:<uscc>`, `<country>:<regNo>` or `NAME:<name>` (RP1). */
export const exhibitorKey = (e: Pick<Exhibitor, 'country' | 'uscc' | 'foreignRegNo' | 'nameZh'>): ExhibitorKey =>
  exhibitorKeyOf(e).key;

export const isWeakKey = (key: ExhibitorKey): boolean => key.startsWith('NAME:');
