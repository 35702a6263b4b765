import type { SummaryCase } from './summary-case';
import { IP_TYPES, isPatentType, PATENT_TYPES } from '../codes';
import type { IpType } from '../codes';
import { normaliseText } from '../text';
import { hallKey } from './figures';
import type { FigureKey } from './figures';
import { rateBp } from './rates';

/**
 * R3–R13 of `report/SPEC.md` from the session's folded cases. Counting units: R3–R5 and R7 count
 * complaints (distinct `complaintId`, CN4), R8–R10 enterprises (distinct `exhibitorKey`), R11–R13
 * cases (one per respondent). "Accepted" = the case reached `ACCEPTED` (it has `acceptedAt`),
 * whatever happened after; "established" = the final outcome `ESTABLISHED_ALLEGED` (CS6).
 */

export type FigureValues = Partial<Record<FigureKey, number | null>>;

export const isAccepted = (c: SummaryCase): boolean => c.acceptedAt !== undefined;
export const isEstablished = (c: SummaryCase): boolean => c.state === 'CLOSED' && c.outcome === 'ESTABLISHED_ALLEGED';

/** R8: the enterprise, by key (RP1); a respondent without a key falls back to its name. */
export const enterpriseOf = (c: SummaryCase): string =>
  c.respondent.exhibitorKey ?? `NAME:${normaliseText(c.respondent.name).replace(/\s+/g, ' ').toUpperCase()}`;

const bump = (out: FigureValues, key: FigureKey, by = 1): void => {
  out[key] = (out[key] ?? 0) + by;
};

/** R3–R10: complaints, acceptance, refusals, foreign-related, enterprises. */
export function complaintFigures(cases: readonly SummaryCase[]): FigureValues {
  const received = new Set<string>();
  const accepted = new Set<string>();
  const foreign = new Set<string>();
  const enterprises = new Set<string>();
  const establishedEnterprises = new Set<string>();
  const out: FigureValues = { 'R6.total': 0 };
  for (const c of cases) {
    received.add(c.complaintId);
    if (c.state === 'CLOSED' && c.outcome === 'NOT_ACCEPTED') {
      bump(out, 'R6.total');
      // CS11 always records a reason; a NOT_ACCEPTED set after the show (CS27) has none.
      bump(out, `R6.${c.rejection?.reason ?? 'NR_OTHER'}`);
    }
    if (!isAccepted(c)) continue;
    accepted.add(c.complaintId);
    if (c.foreignRelated) foreign.add(c.complaintId);
    enterprises.add(enterpriseOf(c));
    if (isEstablished(c)) establishedEnterprises.add(enterpriseOf(c));
  }
  return {
    ...out,
    'R3.received': received.size,
    'R4.accepted': accepted.size,
    'R5.rate': rateBp(accepted.size, received.size),
    'R7.foreign': foreign.size,
    'R7.rate': rateBp(foreign.size, accepted.size),
    'R8.enterprises': enterprises.size,
    'R9.enterprises': establishedEnterprises.size,
    'R10.rate': rateBp(establishedEnterprises.size, enterprises.size),
  };
}

/**
 * R11: accepted and established cases per IP type; a case naming rights of two types counts in
 * both. `R11.patent.*`: cases with at least one patent right (counted once), their share of the
 * accepted cases, and each patent type's share of those.
 */
export function typeFigures(cases: readonly SummaryCase[]): FigureValues {
  const out: FigureValues = {};
  let acceptedCases = 0;
  let patentCases = 0;
  for (const c of cases) {
    if (!isAccepted(c)) continue;
    acceptedCases++;
    const types = new Set<IpType>(c.rights.map((r) => r.type));
    if ([...types].some(isPatentType)) patentCases++;
    for (const t of types) {
      bump(out, `R11.${t}.accepted`);
      if (isEstablished(c)) bump(out, `R11.${t}.established`);
    }
  }
  for (const t of IP_TYPES) {
    const acc = out[`R11.${t}.accepted`] ?? 0;
    out[`R11.${t}.rate`] = rateBp(out[`R11.${t}.established`] ?? 0, acc);
  }
  out['R11.patent.accepted'] = patentCases;
  out['R11.patent.share'] = rateBp(patentCases, acceptedCases);
  for (const t of PATENT_TYPES) out[`R11.${t}.share`] = rateBp(out[`R11.${t}.accepted`] ?? 0, patentCases);
  return out;
}

/**
 * R12: accepted cases by outcome, plus open ones (no outcome yet; a transferred case holds its
 * provisional `TRANSFERRED_*` outcome, CS6), so the outcomes and `open` add up to the accepted
 * cases; by hall of the respondent's booth; measures in force (an overturned review lifts them,
 * CS23) by code: ordered, verified done, refused.
 */
export function outcomeFigures(cases: readonly SummaryCase[]): FigureValues {
  const out: FigureValues = { 'R12.accepted': 0, 'R12.open': 0, 'R12.measures.ordered': 0, 'R12.measures.done': 0, 'R12.measures.refused': 0 };
  for (const c of cases) {
    if (!isAccepted(c)) continue;
    bump(out, 'R12.accepted');
    if (c.outcome === undefined) bump(out, 'R12.open');
    else bump(out, `R12.outcome.${c.outcome}`);
    bump(out, hallKey(c.respondent.booth.hall, 'accepted'));
    out[hallKey(c.respondent.booth.hall, 'established')] ??= 0;
    if (isEstablished(c)) bump(out, hallKey(c.respondent.booth.hall, 'established'));
    for (const m of c.measures) {
      bump(out, 'R12.measures.ordered');
      bump(out, `R12.measure.${m.code}.ordered`);
      const result = m.verification?.result;
      if (result !== undefined) {
        bump(out, `R12.measures.${result}`);
        bump(out, `R12.measure.${m.code}.${result}`);
      }
    }
  }
  return out;
}

/**
 * R13: transfers per authority kind and the share handed over in time (the 24 h handover window,
 * 2006 Art. 11, as judged when the handover was recorded, CS21); reviews requested, upheld,
 * overturned (CS22, CS23).
 */
export function transferFigures(cases: readonly SummaryCase[]): FigureValues {
  const out: FigureValues = {
    'R13.transfers': 0,
    'R13.handedOverIn24h': 0,
    'R13.reviews.requested': 0,
    'R13.reviews.upheld': 0,
    'R13.reviews.overturned': 0,
  };
  for (const c of cases) {
    if (c.transfer !== undefined) {
      bump(out, 'R13.transfers');
      bump(out, `R13.transfer.${c.transfer.kind}`);
      if (c.handover?.inTime === true) bump(out, 'R13.handedOverIn24h');
    }
    bump(out, 'R13.reviews.requested', c.review.requestedBy.length);
    for (const d of c.review.decisions) bump(out, `R13.reviews.${d.decision}`);
  }
  out['R13.handoverRate'] = rateBp(out['R13.handedOverIn24h'] ?? 0, out['R13.transfers'] ?? 0);
  return out;
}
