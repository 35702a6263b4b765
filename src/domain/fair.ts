import { z } from 'zod';
import { FairId } from './ids';
import { CivilDate, ClockTime, Instant, TimeZone, zonedToInstant } from './time';
import { AuthorityKind, IpType, Language, MAIN_IP_TYPES, MEASURE_CODES, MeasureCode, NOT_ACCEPTED_REASONS, NotAcceptedReason } from './codes';
import { OptionalText, Text } from './text';
import { ServiceRecord } from './report/service-record';
import { RegionCode } from './region';
import { ClauseChoice, DEFAULT_TEMPLATE, FairClauses } from './commitment-templates';

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, { message: 'COUNTRY' }));
export type CountryCode = z.infer<typeof CountryCode>;

/** A fair code: 2–8 USCC-alphabet chars (FS2); it prefixes case numbers (CN3). */
export const FairCode = z
  .string()
  .transform((v) => v.normalize('NFKC').trim().toUpperCase())
  .pipe(z.string().regex(/^[0-9A-HJ-NP-RTUWXY]{2,8}$/, { message: 'FAIR_CODE' }));
export type FairCode = z.infer<typeof FairCode>;

/**
 * A deadline window (DL1): `elapsed` counts wall time, `opening` counts desk hours only.
 * `hours` may be fractional (the acceptance target is 60 min = 1 h).
 */
export const Window = z.object({
  hours: z.number().positive().max(24 * 30),
  clock: z.enum(['elapsed', 'opening']),
});
export type Window = z.infer<typeof Window>;

/** Every window of §4.5, with its default. */
export const WINDOW_KINDS = ['acceptance', 'supplement', 'defence', 'measure', 'reviewRequest', 'reviewDecision', 'handover'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];
export const DEFAULT_WINDOWS = {
  acceptance: { hours: 1, clock: 'opening' },
  supplement: { hours: 24, clock: 'elapsed' },
  defence: { hours: 24, clock: 'elapsed' },
  measure: { hours: 2, clock: 'opening' },
  reviewRequest: { hours: 24, clock: 'elapsed' },
  reviewDecision: { hours: 4, clock: 'opening' },
  handover: { hours: 24, clock: 'elapsed' },
} as const satisfies Record<WindowKind, Window>;
/** §4.5 defence presets: 24 h elapsed (2022 Guidelines Art. 14), 12 h elapsed (CIFTIS 2020), 4 h opening. */
export const DEFENCE_PRESETS = [
  { hours: 24, clock: 'elapsed' },
  { hours: 12, clock: 'elapsed' },
  { hours: 4, clock: 'opening' },
] as const satisfies readonly Window[];

/** One fair day and its desk hours (default 09:00–17:00). */
export const FairDay = z
  .object({ date: CivilDate, opensAt: ClockTime, closesAt: ClockTime })
  .refine((d) => d.opensAt < d.closesAt, { message: 'DESK_HOURS_ORDER', path: ['closesAt'] });
export type FairDay = z.infer<typeof FairDay>;

export const Authority = z.object({
  name: Text(1, 100),
  kind: AuthorityKind,
  contact: OptionalText(200),
});
export type Authority = z.infer<typeof Authority>;

/** §7 repeat-infringer rule. RP3's ladder steps are settings. */
export const RepeatRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national_baseline') }),
  z.object({
    kind: z.literal('ladder'),
    deductBoothsOnSecond: z.number().int().min(1).max(20).default(1),
    banSessionsOnConsecutive: z.number().int().min(1).max(10).default(1),
  }),
]);
export type RepeatRule = z.infer<typeof RepeatRule>;

const DEFAULT_BOOTH_HALL = '^[0-9A-Z]{1,4}(\\.[0-9]{1,2})?$';
const DEFAULT_BOOTH_STAND = '^[0-9A-Z]{1,6}(-[0-9A-Z]{1,4})?$';
const RegexSource = z.string().min(1).max(200).refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'REGEX' },
);

/** The settings of §3; every default lives here, never as a constant elsewhere. */
export const FairSettings = z.object({
  country: CountryCode.default('CN'),
  timeZone: TimeZone.default('Asia/Shanghai'),
  deskLocation: OptionalText(200),
  /** AR1: the provincial unit the fair belongs to; absent on fairs made before the roll-up (AR9). */
  region: RegionCode.optional(),
  /** AR7: who runs the fair, as the administration's report and the summary file name it. */
  organizer: OptionalText(200),
  windows: z
    .object({
      acceptance: Window.default(DEFAULT_WINDOWS.acceptance),
      supplement: Window.default(DEFAULT_WINDOWS.supplement),
      defence: Window.default(DEFAULT_WINDOWS.defence),
      measure: Window.default(DEFAULT_WINDOWS.measure),
      reviewRequest: Window.default(DEFAULT_WINDOWS.reviewRequest),
      reviewDecision: Window.default(DEFAULT_WINDOWS.reviewDecision),
      handover: Window.default(DEFAULT_WINDOWS.handover),
    })
    .prefault({}),
  handlingMode: z.enum(['workstation', 'authority']).default('workstation'),
  acceptedIpTypes: z.array(IpType).min(1).default([...MAIN_IP_TYPES]),
  rightJurisdictions: z.array(CountryCode).min(1).default(['CN']),
  mediationAllowed: z.boolean().default(true),
  voluntaryRemovalCloses: z.boolean().default(true),
  reviewAllowed: z.boolean().default(true),
  requireBadge: z.boolean().default(false),
  requireEvaluationReport: z.boolean().default(false),
  onlineExhibition: z.boolean().default(false),
  commitmentRequired: z.boolean().default(true),
  /** CM10: the built-in template new fairs sign, an older one, or the fair's own wording. */
  commitmentTemplate: ClauseChoice.default(DEFAULT_TEMPLATE),
  /**
   * CM10: the organizer's wording in both languages, numbered by saves of changed text. Not
   * required with `custom`: the phone's link names the choice without the wording (PI11).
   */
  commitmentClauses: FairClauses.optional(),
  opinionMinExperts: z.number().int().min(1).max(9).default(1),
  repeatRule: RepeatRule.default({ kind: 'national_baseline' }),
  /** RP6 advisory thresholds. */
  frequentComplainant: z
    .object({ minNotEstablished: z.number().int().min(1).default(3), minShare: z.number().min(0).max(1).default(0.5) })
    .prefault({}),
  measuresEnabled: z.array(MeasureCode).min(1).default(MEASURE_CODES.filter((m) => m !== 'TAKEDOWN_ONLINE')),
  refusalReasons: z.array(NotAcceptedReason).min(1).default([...NOT_ACCEPTED_REASONS]),
  uiLanguages: z.array(Language).min(1).default(['zh-CN', 'en']),
  noticeLanguages: z.array(Language).min(1).default(['zh-CN', 'en']),
  authorities: z.array(Authority).max(50).default([]),
  booth: z.object({ hall: RegexSource.default(DEFAULT_BOOTH_HALL), stand: RegexSource.default(DEFAULT_BOOTH_STAND) }).prefault({}),
  /** Hours after which unsynced data on a tablet triggers a reminder (sync issue). */
  unsyncedReminderHours: z.number().positive().max(24 * 14).default(4),
  /** Seconds of inactivity after which a public (visitor) form resets; the draft stays at the desk. */
  publicFormIdleSeconds: z.number().int().min(30).max(3600).default(180),
  /** CO12: minutes after which the console shows a tablet behind (items waiting) or silent (no request). */
  tabletStatusMinutes: z
    .object({ behind: z.number().int().min(1).max(24 * 60).default(15), silent: z.number().int().min(1).max(7 * 24 * 60).default(60) })
    .prefault({}),
});
export type FairSettings = z.infer<typeof FairSettings>;

export const Fair = z
  .object({
    id: FairId,
    code: FairCode,
    nameZh: Text(1, 100),
    nameEn: OptionalText(200),
    sessionNo: z.number().int().min(1).max(9999),
    previousFairId: FairId.optional(),
    days: z.array(FairDay).min(1).max(60),
    /** Defaults to the last day's desk closing (§3); see `fairCloseAt`. */
    closeAt: Instant.optional(),
    settings: FairSettings.prefault({}),
    /** R18/R19 entries made on the summary screen (report/service-record.ts). */
    service: ServiceRecord.optional(),
  })
  .superRefine((fair, ctx) => {
    for (let i = 1; i < fair.days.length; i++) {
      const prev = fair.days[i - 1];
      const day = fair.days[i];
      if (prev !== undefined && day !== undefined && day.date <= prev.date) {
        ctx.addIssue({ code: 'custom', message: 'DAYS_ORDER', path: ['days', i, 'date'] });
      }
    }
  });
export type Fair = z.infer<typeof Fair>;
/** What a form supplies; defaults fill the rest. */
export type FairInput = z.input<typeof Fair>;

/** §3 `fairCloseAt`: the explicit close, else the last day's desk closing in the fair's zone. */
export function fairCloseAt(fair: Fair): Instant {
  if (fair.closeAt !== undefined) return fair.closeAt;
  const last = fair.days[fair.days.length - 1];
  if (last === undefined) throw new Error('a parsed Fair has at least one day');
  return zonedToInstant(last.date, last.closesAt, fair.settings.timeZone);
}

/** The desk's opening intervals as instants, in order: the calendar that `opening` windows count on (DL3). */
export function deskIntervals(fair: Fair): readonly { readonly opensAt: Instant; readonly closesAt: Instant }[] {
  return fair.days.map((d) => ({
    opensAt: zonedToInstant(d.date, d.opensAt, fair.settings.timeZone),
    closesAt: zonedToInstant(d.date, d.closesAt, fair.settings.timeZone),
  }));
}
