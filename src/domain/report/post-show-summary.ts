import { fairCloseAt } from '../fair';
import type { Fair } from '../fair';
import { complaintFigures, outcomeFigures, transferFigures, typeFigures } from './case-figures';
import type { FigureValues } from './case-figures';
import { figureKind, isHallKey, orderedFigureKeys, STATIC_FIGURE_KEYS } from './figures';
import type { FigureKey, Figures } from './figures';
import { changeOf } from './rates';
import type { Change } from './rates';
import { recommendSanctions } from './repeat';
import type { RepeatInfringer } from './repeat';
import { frequentComplainants, repeatFigures } from './repeat-figures';
import { consultationFigures, exhibitorFigures, outreachFigures, serviceFigures } from './service-figures';
import type { SessionData } from './session-data';
import type { SummaryCase } from './summary-case';
import type { PostShowSummary } from './summary-schema';
import { eventsByCase } from './timeline';
import { timelinessFigures } from './timeliness';

/**
 * The post-show summary (PS1, R1–R19 of `report/SPEC.md`): one pure function from a session's
 * synced data to every figure R1–R19 and its change against the previous session of the series
 * (`previousFairId`). The tablet runs it over its own data; the server's SQL must agree with it.
 */

export interface SummaryInput extends SessionData<SummaryCase> {
  /** The previous session's data, when this device or server holds it: its figures are computed. */
  readonly previousSession?: SessionData<SummaryCase>;
  /** Previous values typed by the organizer (parsed with `PreviousFigures`); they win over computed ones. */
  readonly previous?: Partial<Figures>;
}

export interface SessionFigures {
  readonly figures: Figures;
  readonly repeatInfringers: RepeatInfringer[];
}

/** Every figure of one session, records of other fairs left out. */
export function sessionFigures(data: SessionData<SummaryCase>): SessionFigures {
  const { fair } = data;
  const mine = <T extends { readonly fairId: string }>(list: readonly T[]): T[] => list.filter((r) => r.fairId === fair.id);
  const cases = mine(data.cases);
  const prior = fair.previousFairId === undefined ? [] : (data.priorCases ?? []).filter((c) => c.fairId === fair.previousFairId);
  const repeatInfringers = recommendSanctions(fair.settings.repeatRule, cases, prior);
  let reviewDecisions = 0;
  for (const c of cases) reviewDecisions += c.review.decisions.length;
  const values: FigureValues = {
    ...exhibitorFigures(mine(data.exhibitors), mine(data.commitments)),
    ...complaintFigures(cases),
    ...typeFigures(cases),
    ...outcomeFigures(cases),
    ...transferFigures(cases),
    ...timelinessFigures(cases, eventsByCase(data.events), fairCloseAt(fair)),
    ...repeatFigures(repeatInfringers, frequentComplainants(cases, fair.settings.frequentComplainant)),
    ...consultationFigures(mine(data.consultations), cases.filter((c) => c.opinion !== undefined).length, reviewDecisions),
    ...outreachFigures(mine(data.outreach)),
    ...serviceFigures(data.expertsOnDuty, data.authorities ?? fair.settings.authorities),
  };
  return { figures: completeFigures(values), repeatInfringers };
}

/** Every static figure present (a count nothing contributed to is 0, other kinds "—"), in report order (R1 … R19). */
export function completeFigures(values: FigureValues): Figures {
  const all: FigureValues = { ...values };
  for (const key of STATIC_FIGURE_KEYS) if (all[key] === undefined) all[key] = figureKind(key) === 'count' ? 0 : null;
  const figures: Record<string, number | null> = {};
  for (const key of orderedFigureKeys(all as Figures)) figures[key] = all[key] ?? null;
  return figures as Figures;
}

/**
 * §10 with the comparison: previous values come from the previous session's data
 * (`previousSession`, which must be the session named by `previousFairId`) and from what the
 * organizer typed, which wins. A hall missing from one session counts 0 there.
 */
export function postShowSummary(input: SummaryInput): PostShowSummary {
  const { fair, previousSession } = input;
  if (previousSession !== undefined && previousSession.fair.id !== fair.previousFairId) {
    // A caller's mistake, not a user's: comparing with another series' session would mislead.
    throw new RangeError(`PREVIOUS_SESSION_MISMATCH: ${previousSession.fair.id} is not ${fair.previousFairId ?? 'set'}`);
  }
  const current = sessionFigures({ ...input, priorCases: input.priorCases ?? previousSession?.cases });
  const computed: Partial<Figures> = previousSession === undefined ? {} : sessionFigures(previousSession).figures;
  return compareWithPrevious(fair, current, computed, input.previous ?? {});
}

/**
 * The comparison half of §10, for figures computed elsewhere too (the server's SQL): previous
 * values are the computed ones overridden key by key by the typed ones; every figure with a
 * previous value gets a change, a hall missing on one side counting 0 there.
 */
export function compareWithPrevious(fair: Fair, current: SessionFigures, computed: Partial<Figures>, typed: Partial<Figures>): PostShowSummary {
  const known: Record<string, number | null> = {};
  for (const [key, v] of Object.entries({ ...computed, ...typed })) if (v !== undefined) known[key] = v;
  const previous = known as Partial<Figures>;

  const changes: Partial<Record<FigureKey, Change>> = {};
  const keys = orderedFigureKeys({ ...previous, ...current.figures } as Figures);
  for (const key of keys) {
    if (!(key in previous)) continue;
    const cur = current.figures[key] ?? (isHallKey(key) ? 0 : null);
    changes[key] = changeOf(figureKind(key), cur, previous[key] ?? (isHallKey(key) ? 0 : null));
  }
  return {
    fairId: fair.id,
    sessionNo: fair.sessionNo,
    previousFairId: fair.previousFairId,
    figures: current.figures,
    previous,
    typedPrevious: Object.keys(typed).filter((k) => typed[k as FigureKey] !== undefined) as FigureKey[],
    changes,
    repeatInfringers: current.repeatInfringers,
  };
}
