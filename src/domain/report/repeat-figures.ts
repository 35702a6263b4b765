import type { SummaryCase } from './summary-case';
import { partyKey } from '../case/intake';
import { SANCTION_CODES } from '../codes';
import type { FairSettings } from '../fair';
import type { FigureValues } from './case-figures';
import type { RepeatInfringer } from './repeat';

/**
 * RP6 on the session's final data: complainants with at least `minNotEstablished` cases whose
 * opinion is `NOT_ESTABLISHED`, making at least `minShare` of their determined cases (the same
 * test intake applies, CS8, but over the whole session). Complainants by registration, then name.
 */
export function frequentComplainants(cases: readonly SummaryCase[], rule: FairSettings['frequentComplainant']): string[] {
  const tally = new Map<string, { determined: number; notEstablished: number }>();
  for (const c of cases) {
    if (c.opinion === undefined) continue;
    const key = partyKey(c.complainant);
    const t = tally.get(key) ?? { determined: 0, notEstablished: 0 };
    t.determined++;
    if (c.opinion.conclusion === 'NOT_ESTABLISHED') t.notEstablished++;
    tally.set(key, t);
  }
  return [...tally]
    .filter(([, t]) => t.notEstablished >= rule.minNotEstablished && t.notEstablished >= rule.minShare * t.determined)
    .map(([k]) => k)
    .sort();
}

/** R15: exhibitors the repeat rule catches, the repeat ones among them, sanctions per code, RP6. */
export function repeatFigures(infringers: readonly RepeatInfringer[], frequent: readonly string[]): FigureValues {
  const out: FigureValues = {
    'R15.exhibitors': infringers.length,
    'R15.repeat': infringers.filter((i) => i.repeat).length,
    'R15.frequentComplainants': frequent.length,
  };
  for (const code of SANCTION_CODES) out[`R15.sanction.${code}`] = 0;
  for (const i of infringers) for (const s of i.sanctions) out[`R15.sanction.${s.code}`] = (out[`R15.sanction.${s.code}`] ?? 0) + 1;
  return out;
}
