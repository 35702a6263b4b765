import { z } from 'zod';
import { IdText, OptionalIdText, Text } from './text';
import { Country } from './validators/country';
import { IdDoc } from './validators/resident-id';
import { Phone } from './validators/phone';
import { Uscc } from './validators/uscc';

/**
 * A party to a complaint (EN6, EN7): the complainant, its agent, or the respondent as a
 * person or entity. `standing` is the complainant's title to file; it decides the LIC-* items
 * of the checklist (§5).
 */
export const PARTY_ROLES = ['complainant', 'respondent', 'agent'] as const;
export const PartyRole = z.enum(PARTY_ROLES);
export type PartyRole = z.infer<typeof PartyRole>;

export const PARTY_KINDS = ['entity', 'person'] as const;
export const PartyKind = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof PartyKind>;

/**
 * Who may file: the holder; an exclusive licensee alone; a sole licensee if the holder does not
 * file; an ordinary licensee with express authorisation; an assignee or heir.
 */
export const STANDINGS = ['holder', 'exclusive_licensee', 'sole_licensee', 'ordinary_licensee', 'assignee_heir'] as const;
export const Standing = z.enum(STANDINGS);
export type Standing = z.infer<typeof Standing>;

export const Party = z
  .object({
    role: PartyRole,
    kind: PartyKind,
    name: Text(1, 100),
    country: Country,
    uscc: Uscc.optional(),
    foreignRegNo: IdText(1, 40).optional(),
    idDoc: IdDoc.optional(),
    phone: Phone,
    badgeNo: OptionalIdText(40),
    standing: Standing.optional(),
  })
  .superRefine((p, ctx) => {
    // A USCC is issued to Chinese entities only; a foreign registration number to foreign ones.
    if (p.uscc !== undefined && (p.kind !== 'entity' || p.country !== 'CN')) {
      ctx.addIssue({ code: 'custom', message: 'USCC_NOT_APPLICABLE', path: ['uscc'] });
    }
    if (p.foreignRegNo !== undefined && (p.kind !== 'entity' || p.country === 'CN')) {
      ctx.addIssue({ code: 'custom', message: 'FOREIGN_REG_NO_NOT_APPLICABLE', path: ['foreignRegNo'] });
    }
    if (p.standing !== undefined && p.role !== 'complainant') {
      ctx.addIssue({ code: 'custom', message: 'STANDING_NOT_APPLICABLE', path: ['standing'] });
    }
  });
export type Party = z.infer<typeof Party>;
export type PartyInput = z.input<typeof Party>;

/** A complainant without a stated standing files as the holder. */
export const standingOf = (p: Party): Standing => p.standing ?? 'holder';

/** §2 `foreignRelated`: the complainant's country differs from the fair's. */
export const isForeign = (p: Party, fairCountry: string): boolean => p.country !== fairCountry;
