import { z } from 'zod';
import { Fair, FairCode, type FairInput } from '../fair';

/**
 * A fair's phone form by its code (PI10 in public-intake.ts): the desk prints `<origin>/p/<code>`,
 * and a phone that types it asks `GET /api/public/fair-codes/<code>` for the fair's public form
 * rules. The reply holds what the phone link's fragment holds (`phoneFair`), nothing more: no
 * authority, no windows, no people, no service record.
 */

/** The fields of a fair the phone's form reads; the rest of `Fair` takes its defaults on the phone. */
export function phoneFair(fair: Fair): FairInput {
  const s = fair.settings;
  return {
    id: fair.id,
    code: fair.code,
    nameZh: fair.nameZh,
    ...(fair.nameEn === undefined ? {} : { nameEn: fair.nameEn }),
    sessionNo: fair.sessionNo,
    days: fair.days,
    settings: {
      country: s.country,
      timeZone: s.timeZone,
      acceptedIpTypes: s.acceptedIpTypes,
      rightJurisdictions: s.rightJurisdictions,
      requireEvaluationReport: s.requireEvaluationReport,
      booth: s.booth,
      uiLanguages: s.uiLanguages,
      // PI11: which clauses the fair signs; a fair's own wording is too long for the link.
      commitmentTemplate: s.commitmentTemplate,
    },
  };
}

/**
 * PI10, PI11: the reply to a typed code: the link's fields and, when the fair signs its own
 * wording, that wording, so a phone online shows the very clauses the desk signs.
 */
export function publicFair(fair: Fair): FairInput {
  const base = phoneFair(fair);
  const own = fair.settings.commitmentTemplate === 'custom' ? fair.settings.commitmentClauses : undefined;
  return own === undefined ? base : { ...base, settings: { ...base.settings, commitmentClauses: own } };
}

/** The reply of `GET /api/public/fair-codes/<code>`. */
export const PublicFairReply = z.object({
  type: z.literal('public-fair'),
  fair: Fair,
});
export type PublicFairReply = z.infer<typeof PublicFairReply>;
export type PublicFairReplyInput = z.input<typeof PublicFairReply>;

/** The code in a typed phone address (`/p/CF138`, `/p/cf138/`); undefined for a bare `/p/`. */
export function codeInPhonePath(pathname: string): string | undefined {
  const m = /^\/p\/([^/]+)\/?$/.exec(pathname);
  if (m?.[1] === undefined) return undefined;
  let raw: string;
  try {
    raw = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  const code = FairCode.safeParse(raw);
  return code.success ? code.data : undefined;
}
