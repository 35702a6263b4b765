import type { Accessor } from 'solid-js';
import type { AuthorityKind, IpType, Language, MeasureCode, NotAcceptedReason } from '../../../domain/codes';
import type { FieldError } from '../../../domain/field-errors';
import { FairSettings, WINDOW_KINDS, type Fair, type FairInput, type WindowKind } from '../../../domain/fair';
import type { ClauseChoice } from '../../../domain/commitment-templates';
import { isValidTimeZone, zonedParts, zonedToInstant, type CivilDate } from '../../../domain/time';

/**
 * The fair setup form's state: what the inputs hold (strings, as typed, so a draft restores
 * every character) and its conversion to and from the domain's `Fair` (FS1–FS18). Defaults
 * come from `FairSettings` itself, never from constants here.
 */
export interface WindowForm {
  hours: string;
  clock: 'elapsed' | 'opening';
}
export interface DayForm {
  date: string;
  opensAt: string;
  closesAt: string;
}
export interface AuthorityForm {
  name: string;
  kind: AuthorityKind;
  contact: string;
}
export interface ClauseForm {
  zh: string;
  en: string;
}
export interface FairForm {
  code: string;
  nameZh: string;
  nameEn: string;
  sessionNo: string;
  previousFairId: string;
  days: DayForm[];
  closeDate: string;
  closeTime: string;
  country: string;
  timeZone: string;
  deskLocation: string;
  /** A RegionCode, or '' for none. */
  region: string;
  organizer: string;
  windows: Record<WindowKind, WindowForm>;
  handlingMode: 'workstation' | 'authority';
  acceptedIpTypes: IpType[];
  rightJurisdictions: string;
  mediationAllowed: boolean;
  voluntaryRemovalCloses: boolean;
  reviewAllowed: boolean;
  requireBadge: boolean;
  requireEvaluationReport: boolean;
  onlineExhibition: boolean;
  commitmentRequired: boolean;
  /** CM10: which clauses exhibitors sign; the fair's own wording as typed, and its stored revision (0: none yet). */
  commitmentTemplate: ClauseChoice;
  clauses: ClauseForm[];
  clauseVersion: number;
  opinionMinExperts: string;
  repeatKind: 'national_baseline' | 'ladder';
  deductBoothsOnSecond: string;
  banSessionsOnConsecutive: string;
  minNotEstablished: string;
  minShare: string;
  measuresEnabled: MeasureCode[];
  refusalReasons: NotAcceptedReason[];
  uiLanguages: Language[];
  noticeLanguages: Language[];
  authorities: AuthorityForm[];
  boothHall: string;
  boothStand: string;
  unsyncedReminderHours: string;
  publicFormIdleSeconds: string;
  /** CO12 thresholds: the console shows them; the tablet keeps them as they came. */
  tabletBehindMinutes: string;
  tabletSilentMinutes: string;
}

/**
 * What the fair settings sections (src/app/ui/fair-settings) edit: the form state, its field
 * errors, and the other fairs one may follow. The tablet's fair setup and the console's fair
 * form each bind their own state to it.
 */
export interface FairSettingsBinding {
  readonly form: { readonly data: FairForm; update(mutate: (draft: FairForm) => void): void };
  readonly errors: Accessor<readonly FieldError[]>;
  readonly fairs: Accessor<readonly { readonly id: string; readonly code: string; readonly nameZh: string }[] | undefined>;
}

/** The boolean settings of §3, in the order the form shows them. */
export const FAIR_FLAGS = [
  'mediationAllowed',
  'voluntaryRemovalCloses',
  'reviewAllowed',
  'requireBadge',
  'requireEvaluationReport',
  'onlineExhibition',
  'commitmentRequired',
] as const satisfies readonly (keyof FairForm & keyof FairSettings)[];

/** §3 desk hours default 09:00–17:00: a pre-filled value of a new day, editable per day. */
export const DEFAULT_DESK_HOURS = { opensAt: '09:00', closesAt: '17:00' } as const;

const windowsForm = (s: FairSettings): Record<WindowKind, WindowForm> =>
  Object.fromEntries(WINDOW_KINDS.map((k) => [k, { hours: String(s.windows[k].hours), clock: s.windows[k].clock }])) as Record<WindowKind, WindowForm>;

function settingsForm(s: FairSettings): Omit<FairForm, 'code' | 'nameZh' | 'nameEn' | 'sessionNo' | 'previousFairId' | 'days' | 'closeDate' | 'closeTime'> {
  return {
    country: s.country,
    timeZone: s.timeZone,
    deskLocation: s.deskLocation ?? '',
    region: s.region ?? '',
    organizer: s.organizer ?? '',
    windows: windowsForm(s),
    handlingMode: s.handlingMode,
    acceptedIpTypes: [...s.acceptedIpTypes],
    rightJurisdictions: s.rightJurisdictions.join(', '),
    mediationAllowed: s.mediationAllowed,
    voluntaryRemovalCloses: s.voluntaryRemovalCloses,
    reviewAllowed: s.reviewAllowed,
    requireBadge: s.requireBadge,
    requireEvaluationReport: s.requireEvaluationReport,
    onlineExhibition: s.onlineExhibition,
    commitmentRequired: s.commitmentRequired,
    commitmentTemplate: s.commitmentTemplate,
    clauses: (s.commitmentClauses?.clauses ?? []).map((c) => ({ zh: c.zh, en: c.en })),
    clauseVersion: s.commitmentClauses?.version ?? 0,
    opinionMinExperts: String(s.opinionMinExperts),
    repeatKind: s.repeatRule.kind,
    deductBoothsOnSecond: s.repeatRule.kind === 'ladder' ? String(s.repeatRule.deductBoothsOnSecond) : '1',
    banSessionsOnConsecutive: s.repeatRule.kind === 'ladder' ? String(s.repeatRule.banSessionsOnConsecutive) : '1',
    minNotEstablished: String(s.frequentComplainant.minNotEstablished),
    minShare: String(s.frequentComplainant.minShare),
    measuresEnabled: [...s.measuresEnabled],
    refusalReasons: [...s.refusalReasons],
    uiLanguages: [...s.uiLanguages],
    noticeLanguages: [...s.noticeLanguages],
    authorities: s.authorities.map((a) => ({ name: a.name, kind: a.kind, contact: a.contact ?? '' })),
    boothHall: s.booth.hall,
    boothStand: s.booth.stand,
    unsyncedReminderHours: String(s.unsyncedReminderHours),
    publicFormIdleSeconds: String(s.publicFormIdleSeconds),
    tabletBehindMinutes: String(s.tabletStatusMinutes.behind),
    tabletSilentMinutes: String(s.tabletStatusMinutes.silent),
  };
}

export function blankFairForm(): FairForm {
  return {
    code: '',
    nameZh: '',
    nameEn: '',
    sessionNo: '',
    previousFairId: '',
    days: [{ date: '', ...DEFAULT_DESK_HOURS }],
    closeDate: '',
    closeTime: '',
    ...settingsForm(FairSettings.parse({})),
  };
}

export function fairToForm(fair: Fair): FairForm {
  const close = fair.closeAt === undefined ? undefined : zonedParts(fair.closeAt, fair.settings.timeZone);
  return {
    code: fair.code,
    nameZh: fair.nameZh,
    nameEn: fair.nameEn ?? '',
    sessionNo: String(fair.sessionNo),
    previousFairId: fair.previousFairId ?? '',
    days: fair.days.map((d) => ({ date: d.date, opensAt: d.opensAt, closesAt: d.closesAt })),
    closeDate: close?.date ?? '',
    closeTime: close?.time ?? '',
    ...settingsForm(fair.settings),
  };
}

/** '' → undefined (a missing value: REQUIRED or the default); anything else → a number (NaN is a type error). */
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));

const blankToUndefined = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

const optional = <K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> =>
  (v === undefined ? {} : { [key]: v }) as Partial<Record<K, V>>;

/**
 * CM10: the fair's own wording is sent only while chosen (hidden rows are never refused); the
 * store and the server number it against the stored fair, whatever version the form carries.
 */
function clauseSettings(f: FairForm): { commitmentTemplate: ClauseChoice; commitmentClauses?: { version: number; clauses: ClauseForm[] } } {
  const choice = f.commitmentTemplate ?? 'v2';
  if (choice !== 'custom') return { commitmentTemplate: choice };
  return { commitmentTemplate: choice, commitmentClauses: { version: Math.max(1, f.clauseVersion ?? 0), clauses: f.clauses ?? [] } };
}

/** The form as the store's `createFair` input; the domain schema does every check. */
export function formToFairInput(f: FairForm): Omit<FairInput, 'id'> {
  const windows = Object.fromEntries(WINDOW_KINDS.map((k) => [k, { hours: num(f.windows[k].hours), clock: f.windows[k].clock }]));
  let closeAt: string | undefined;
  if (f.closeDate.trim() !== '') {
    const date = f.closeDate.trim();
    const time = f.closeTime.trim() === '' ? '23:59' : f.closeTime.trim();
    // An unusable zone or date is reported on its own field; the close then stays unparsed text.
    closeAt = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) && isValidTimeZone(f.timeZone) ? zonedToInstant(date as CivilDate, time, f.timeZone) : `${date}T${time}`;
  }
  const settings = {
    country: f.country,
    timeZone: f.timeZone,
    deskLocation: f.deskLocation,
    ...optional('region', f.region === '' ? undefined : f.region),
    organizer: f.organizer,
    windows,
    handlingMode: f.handlingMode,
    acceptedIpTypes: f.acceptedIpTypes,
    rightJurisdictions: f.rightJurisdictions.split(/[\s,，;；]+/).filter((s) => s !== ''),
    mediationAllowed: f.mediationAllowed,
    voluntaryRemovalCloses: f.voluntaryRemovalCloses,
    reviewAllowed: f.reviewAllowed,
    requireBadge: f.requireBadge,
    requireEvaluationReport: f.requireEvaluationReport,
    onlineExhibition: f.onlineExhibition,
    commitmentRequired: f.commitmentRequired,
    ...clauseSettings(f),
    ...optional('opinionMinExperts', num(f.opinionMinExperts)),
    repeatRule:
      f.repeatKind === 'ladder'
        ? { kind: 'ladder' as const, ...optional('deductBoothsOnSecond', num(f.deductBoothsOnSecond)), ...optional('banSessionsOnConsecutive', num(f.banSessionsOnConsecutive)) }
        : { kind: 'national_baseline' as const },
    frequentComplainant: { ...optional('minNotEstablished', num(f.minNotEstablished)), ...optional('minShare', num(f.minShare)) },
    measuresEnabled: f.measuresEnabled,
    refusalReasons: f.refusalReasons,
    uiLanguages: f.uiLanguages,
    noticeLanguages: f.noticeLanguages,
    authorities: f.authorities.map((a) => ({ name: a.name, kind: a.kind, contact: a.contact })),
    booth: { hall: f.boothHall, stand: f.boothStand },
    ...optional('unsyncedReminderHours', num(f.unsyncedReminderHours)),
    ...optional('publicFormIdleSeconds', num(f.publicFormIdleSeconds)),
    tabletStatusMinutes: { ...optional('behind', num(f.tabletBehindMinutes)), ...optional('silent', num(f.tabletSilentMinutes)) },
  };
  return {
    code: f.code,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    sessionNo: num(f.sessionNo) as number,
    ...optional('previousFairId', f.previousFairId === '' ? undefined : f.previousFairId),
    // An empty input is a missing value (REQUIRED), not a malformed one.
    days: f.days.map((d) => ({ ...optional('date', blankToUndefined(d.date)), ...optional('opensAt', blankToUndefined(d.opensAt)), ...optional('closesAt', blankToUndefined(d.closesAt)) })),
    ...optional('closeAt', closeAt),
    settings,
  } as Omit<FairInput, 'id'>;
}
