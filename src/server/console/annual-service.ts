import type { RollupFair } from '../../domain/report/annual-fair';
import { ANNUAL_SOURCE_FIGURES, annualRollup, yearBefore, type AnnualFairInput, type AnnualSourceFigure, type Period, type Threshold } from '../../domain/report/annual';
import { RegionCode } from '../../domain/region';
import { instantFromMs } from '../../domain/time';
import type { AnnualFair, AnnualReply } from '../../domain/wire/console-annual';
import { currentFairs, liveSources } from '../reports/annual-sql';
import { num, type SqlClient } from '../storage/sql';
import { regionInSight, type Sight } from './scope';

type SnapshotRow = {
  fair_id: string;
  revision: unknown;
  source: 'closed' | 'imported';
  final: boolean;
  region: string | null;
  first_day: string;
  fair: string;
  figures: string;
  repeat_keys: string;
};

// Fixed identifiers of the domain's figure list, quoted as SQL literals.
const FIGURES_SQL = `jsonb_build_object(${ANNUAL_SOURCE_FIGURES.map((k) => `'${k}', s.body->'summary'->'figures'->'${k}'`).join(', ')})::text`;

/**
 * AR11: the roll-up's inputs over a period and the year before it, for the fairs in the
 * account's sight (AR8): each fair's newest stored revision (closed here: final; imported: as
 * its file says), and for every fair held here and never closed its live figures, provisional
 * (AR5). A fair without a region counts in no unit and not in the totals (AR9); the reply says
 * how many of the period's fairs in sight lack one.
 */
export async function annualReply(db: SqlClient, sight: Sight, period: Period, thresholds: readonly Threshold[], nowMs: number): Promise<AnnualReply> {
  const previous = yearBefore(period);
  const from = previous.from < period.from ? previous.from : period.from;
  const periodOf = (day: string): 'current' | 'previous' | undefined =>
    day >= period.from && day <= period.to ? 'current' : day >= previous.from && day <= previous.to ? 'previous' : undefined;

  const [snapshots, held] = await Promise.all([db.query<SnapshotRow>(
    `select s.fair_id, s.revision, s.source, s.final, s.region, s.first_day, (s.body->'fair')::text as fair, ${FIGURES_SQL} as figures,
       (select coalesce(jsonb_agg(r->>'exhibitorKey'), '[]'::jsonb) from jsonb_array_elements(s.body->'summary'->'repeatInfringers') r
        where (r->>'repeat')::boolean)::text as repeat_keys
     from (select distinct on (fair_id) * from summary_snapshots order by fair_id, revision desc) s
     where s.first_day >= $1 and s.first_day <= $2`,
    [from, period.to],
  ), currentFairs(db, from, period.to)]);
  const inputs: AnnualFairInput[] = [];
  const fairs: AnnualFair[] = [];
  const closed = new Set<string>();
  for (const s of snapshots) {
    closed.add(s.fair_id);
    const region = RegionCode.safeParse(s.region);
    const when = periodOf(s.first_day);
    if (!region.success || when === undefined || !regionInSight(sight, region.data)) continue;
    const raw = JSON.parse(s.figures) as Record<string, unknown>;
    const figures = Object.fromEntries(ANNUAL_SOURCE_FIGURES.map((k) => [k, typeof raw[k] === 'number' ? raw[k] : 0])) as Record<AnnualSourceFigure, number>;
    const fair = JSON.parse(s.fair) as { code: string; nameZh: string; nameEn?: string; sessionNo: number; organizer: string };
    const revision = num(s.revision);
    inputs.push({ fairId: s.fair_id, region: region.data, firstDay: s.first_day, final: s.final, figures, repeatInfringerKeys: JSON.parse(s.repeat_keys) as string[] });
    fairs.push({
      fairId: s.fair_id, region: region.data, code: fair.code, nameZh: fair.nameZh, ...(fair.nameEn === undefined ? {} : { nameEn: fair.nameEn }),
      sessionNo: fair.sessionNo, organizer: fair.organizer, firstDay: s.first_day, final: s.final, source: s.source, revision, period: when,
    } as AnnualFair);
  }

  let withoutRegion = 0;
  const open: (RollupFair & { region: RegionCode; firstDay: string; when: 'current' | 'previous' })[] = [];
  for (const fair of held) {
    const firstDay = fair.days[0]?.date;
    const when = firstDay === undefined ? undefined : periodOf(firstDay);
    if (closed.has(fair.id) || firstDay === undefined || when === undefined || !regionInSight(sight, fair.settings.region)) continue;
    if (fair.settings.region === undefined) {
      if (when === 'current') withoutRegion++;
      continue;
    }
    open.push({ ...fair, region: fair.settings.region, firstDay, when });
  }
  const live = await liveSources(db, open);
  for (const fair of open) {
    const source = live.get(fair.id);
    if (source === undefined) continue;
    inputs.push({ fairId: fair.id, region: fair.region, firstDay: fair.firstDay, final: false, figures: source.figures, repeatInfringerKeys: source.repeatInfringerKeys });
    fairs.push({
      fairId: fair.id, region: fair.region, code: fair.code, nameZh: fair.nameZh, ...(fair.nameEn === undefined ? {} : { nameEn: fair.nameEn }),
      sessionNo: fair.sessionNo, organizer: fair.settings.organizer ?? null, firstDay: fair.firstDay, final: false, source: 'live', revision: null, period: fair.when,
    } as AnnualFair);
  }

  const rollup = annualRollup(inputs, period, thresholds);
  fairs.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : a.fairId < b.fairId ? -1 : 1));
  return {
    type: 'annual', period: rollup.period, previousPeriod: rollup.previousPeriod, national: rollup.national, units: [...rollup.units],
    provisionalFairIds: [...rollup.provisionalFairIds], fairs, shares: [...rollup.shares], withoutRegion, generatedAt: instantFromMs(nowMs),
  } as AnnualReply;
}
