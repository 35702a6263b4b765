import type { RollupFair } from '../../domain/report/annual-fair';
import { ANNUAL_SOURCE_FIGURES, annualRollup, yearBefore, type AnnualBlock, type AnnualFairInput, type AnnualSourceFigure, type Period, type Threshold } from '../../domain/report/annual';
import { RegionCode } from '../../domain/region';
import { instantFromMs } from '../../domain/time';
import type { AnnualFair, AnnualFairs, AnnualReply } from '../../domain/wire/console-annual';
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
  code: string | null;
  name_zh: string | null;
  name_en: string | null;
  session_no: unknown;
  organizer: string | null;
  figures: string;
  repeat_keys: string;
};

// Fixed identifiers of the domain's figure list, quoted as SQL literals.
const FIGURES_SQL = `jsonb_build_object(${ANNUAL_SOURCE_FIGURES.map((k) => `'${k}', b.summary->'figures'->'${k}'`).join(', ')})::text`;

type When = 'current' | 'previous';
type WireBlock = AnnualReply['national'];
type Open = RollupFair & { readonly itemsSeq: number; readonly region: RegionCode; readonly firstDay: string; readonly when: When };

/** The fairs of a period and the year before in the account's sight (AR8): stored revisions and fairs held here never closed. */
interface PeriodFairs {
  readonly closed: readonly { readonly fair: AnnualFair; readonly row: SnapshotRow }[];
  readonly open: readonly Open[];
  /** AR9: fairs of the period in sight without a region. */
  readonly withoutRegion: number;
}

/** The fair's metadata as columns of its newest stored revision (AR11); its figures only when the roll-up reads them. */
async function periodFairs(db: SqlClient, sight: Sight, period: Period, withFigures: boolean): Promise<PeriodFairs> {
  const previous = yearBefore(period);
  const from = withFigures && previous.from < period.from ? previous.from : period.from;
  const periodOf = (day: string): When | undefined =>
    day >= period.from && day <= period.to ? 'current' : withFigures && day >= previous.from && day <= previous.to ? 'previous' : undefined;
  const figures = withFigures
    ? `${FIGURES_SQL} as figures, (select coalesce(jsonb_agg(r->>'exhibitorKey'), '[]'::jsonb) from jsonb_array_elements(b.summary->'repeatInfringers') r
        where (r->>'repeat')::boolean)::text as repeat_keys`
    : `'{}' as figures, '[]' as repeat_keys`;
  const [snapshots, held] = await Promise.all([
    db.query<SnapshotRow>(
      // The newest revision picked by key; its body read once (jsonb_to_record), not once per field.
      `select s.fair_id, s.revision, s.source, s.final, s.region, s.first_day, b.fair->>'code' as code, b.fair->>'nameZh' as name_zh,
         b.fair->>'nameEn' as name_en, (b.fair->'sessionNo')::text as session_no, b.fair->>'organizer' as organizer, ${figures}
       from (select distinct on (fair_id) fair_id, revision from summary_snapshots order by fair_id, revision desc) k
       join summary_snapshots s on s.fair_id = k.fair_id and s.revision = k.revision
       cross join lateral jsonb_to_record(s.body) as b(fair jsonb, summary jsonb)
       where s.first_day >= $1 and s.first_day <= $2`,
      [from, period.to],
    ),
    currentFairs(db, from, period.to),
  ]);
  const closed: { fair: AnnualFair; row: SnapshotRow }[] = [];
  const closedIds = new Set<string>();
  for (const s of snapshots) {
    closedIds.add(s.fair_id);
    const region = RegionCode.safeParse(s.region);
    const when = periodOf(s.first_day);
    if (!region.success || when === undefined || !regionInSight(sight, region.data)) continue;
    const fair = {
      fairId: s.fair_id, region: region.data, code: s.code, nameZh: s.name_zh, ...(s.name_en === null ? {} : { nameEn: s.name_en }),
      sessionNo: num(s.session_no), organizer: s.organizer, firstDay: s.first_day, final: s.final, source: s.source, revision: num(s.revision), period: when,
    } as AnnualFair;
    closed.push({ fair, row: s });
  }
  let withoutRegion = 0;
  const open: Open[] = [];
  for (const fair of held) {
    const firstDay = fair.days[0]?.date;
    const when = firstDay === undefined ? undefined : periodOf(firstDay);
    if (closedIds.has(fair.id) || firstDay === undefined || when === undefined || !regionInSight(sight, fair.settings.region)) continue;
    if (fair.settings.region === undefined) {
      if (when === 'current') withoutRegion++;
      continue;
    }
    open.push({ ...fair, region: fair.settings.region, firstDay, when });
  }
  return { closed, open, withoutRegion };
}

const openFair = (fair: Open): AnnualFair =>
  ({
    fairId: fair.id, region: fair.region, code: fair.code, nameZh: fair.nameZh, ...(fair.nameEn === undefined ? {} : { nameEn: fair.nameEn }),
    sessionNo: fair.sessionNo, organizer: fair.settings.organizer ?? null, firstDay: fair.firstDay, final: false, source: 'live', revision: null, period: fair.when,
  }) as AnnualFair;

/**
 * AR11: the roll-up over a period and the year before it, for the fairs in the account's sight
 * (AR8): each fair's newest stored revision (closed here: final; imported: as its file says), and
 * for every fair held here and never closed its live figures, provisional (AR5), kept while the
 * fair has no newer item (AR15). A fair without a region counts in no unit and not in the totals
 * (AR9); the reply says how many of the period's fairs in sight lack one. The fairs behind the
 * table are `annualFairs`'s, asked for when a unit is drilled into.
 */
export async function annualReply(db: SqlClient, sight: Sight, period: Period, thresholds: readonly Threshold[], nowMs: number): Promise<AnnualReply> {
  const { closed, open, withoutRegion } = await periodFairs(db, sight, period, true);
  const inputs: AnnualFairInput[] = [];
  for (const { fair, row } of closed) {
    const raw = JSON.parse(row.figures) as Record<string, unknown>;
    const figures = Object.fromEntries(ANNUAL_SOURCE_FIGURES.map((k) => [k, typeof raw[k] === 'number' ? raw[k] : 0])) as Record<AnnualSourceFigure, number>;
    inputs.push({ fairId: fair.fairId, region: fair.region, firstDay: fair.firstDay, final: fair.final, figures, repeatInfringerKeys: JSON.parse(row.repeat_keys) as string[] });
  }
  const live = await liveSources(db, open);
  for (const fair of open) {
    const source = live.get(fair.id);
    if (source === undefined) continue;
    inputs.push({ fairId: fair.id, region: fair.region, firstDay: fair.firstDay, final: false, figures: source.figures, repeatInfringerKeys: source.repeatInfringerKeys });
  }
  const rollup = annualRollup(inputs, period, thresholds);
  // The reply carries the figures, not the fairs behind them: those are the drill-down's (AR8).
  const figuresOf = ({ values, previous, changes, provisional }: AnnualBlock): WireBlock => ({ values, previous, changes, provisional });
  return {
    type: 'annual', period: rollup.period, previousPeriod: rollup.previousPeriod, national: figuresOf(rollup.national),
    units: rollup.units.map((u) => ({ region: u.region, ...figuresOf(u) })), provisionalFairs: rollup.provisionalFairIds.length,
    shares: [...rollup.shares], withoutRegion, generatedAt: instantFromMs(nowMs),
  } as AnnualReply;
}

/**
 * AR8/AR11: the period's fairs behind the table, of one unit or of every unit in sight, in unit,
 * first day, id order: the fairs `annualReply` counts in the period, read without their figures.
 * A unit out of sight has no fair to show.
 */
export async function annualFairs(db: SqlClient, sight: Sight, period: Period, region: RegionCode | undefined): Promise<AnnualFairs> {
  const { closed, open } = await periodFairs(db, sight, period, false);
  const fairs = [...closed.map((c) => c.fair), ...open.map(openFair)].filter((f) => f.period === 'current' && (region === undefined || f.region === region));
  fairs.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : a.fairId < b.fairId ? -1 : 1));
  return { type: 'annual-fairs', period, region: region ?? null, fairs } as AnnualFairs;
}
