import { IP_TYPES, MEASURE_CODES, NOT_ACCEPTED_REASONS, OUTCOMES, PATENT_TYPES, SANCTION_CODES } from '../../../domain/codes';
import type { Language } from '../../../domain/codes';
import { ASKER_KINDS } from '../../../domain/consultation';
import { figureRule, orderedFigureKeys, parseHallKey } from '../../../domain/report/figures';
import type { FigureKey, FigureRule } from '../../../domain/report/figures';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { formatInZone, type Instant, type TimeZone } from '../../../domain/time';
import { codeName, deltaText, registrationNo, factText, figureName, sectionHeading, sectionOf, valueText, type SectionId } from './report-figures';
import { word } from './report.messages';
import { formatSignedBp } from '../../../domain/report/rates';

/**
 * The post-show report as a value: sections of sentences, charts and small tables, in one
 * language, computed only from the domain's `PostShowSummary` (§10) and the fair's name and time
 * zone. The tablet's summary screen, its print and (later) the organizer's console render this
 * same value, so they cannot disagree in wording or digits.
 */
export interface ReportLine {
  readonly kind: 'line';
  readonly text: string;
  /** The §10 rules the sentence reports (a small reference column, never the label). */
  readonly rules: readonly FigureRule[];
  readonly figures: readonly FigureKey[];
}
export interface ReportChart {
  readonly kind: 'chart';
  readonly id: 'reasons' | 'types' | 'outcomes' | 'halls';
  readonly title: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}
export interface ReportTable {
  readonly kind: 'table';
  readonly id: 'types' | 'measures' | 'repeat';
  readonly headers: readonly string[];
  /** Right-aligned (numeric) columns. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}
export interface ReportNote {
  readonly kind: 'note';
  readonly text: string;
}
export type ReportBlock = ReportLine | ReportChart | ReportTable | ReportNote;
export interface ReportSection {
  readonly id: SectionId;
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

/** One row of the full figure list (the screen's appendix, the XLSX and CSV). */
export interface FigureRow {
  readonly id: FigureKey;
  readonly rule: FigureRule;
  readonly section: string;
  readonly name: string;
  readonly value: string;
  readonly prev: string;
  readonly delta: string;
  /** Δ% with its sign (`+20.00 %`), '—' when not defined, '' without a previous value. */
  readonly deltaPct: string;
  readonly typed: boolean;
}

export interface ReportModel {
  readonly lang: Language;
  readonly title: string;
  readonly fairName: string;
  readonly session: string;
  readonly generated: string;
  readonly notes: readonly string[];
  readonly sections: readonly ReportSection[];
}

export interface ReportContext {
  readonly fairNameZh: string;
  readonly fairNameEn: string;
  readonly timeZone: TimeZone;
  readonly generatedAt: Instant;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function reportModel(s: PostShowSummary, lang: Language, ctx: ReportContext): ReportModel {
  const f = (id: FigureKey): number | null => s.figures[id] ?? null;
  const n = (id: FigureKey): number => f(id) ?? 0;
  // A breakdown item is worth a word when it happened this session or the last.
  const seen = (id: FigureKey): boolean => n(id) !== 0 || (s.changes[id]?.prev ?? 0) !== 0;
  const line = (ids: readonly FigureKey[]): ReportLine | undefined => {
    if (ids.length === 0) return undefined;
    const facts = ids.map((id) => factText(lang, id, f(id), s.changes[id]));
    const text = facts.join(word(lang, 'sep')) + word(lang, 'end');
    return { kind: 'line', text: lang === 'en' ? capitalise(text) : text, rules: [...new Set(ids.map(figureRule))], figures: ids };
  };
  const lines = (...groups: (readonly FigureKey[])[]): ReportBlock[] => groups.map(line).filter((l): l is ReportLine => l !== undefined);
  const chart = (id: ReportChart['id'], bars: { label: string; value: number }[]): ReportBlock[] =>
    bars.some((b) => b.value > 0) ? [{ kind: 'chart', id, title: word(lang, `chart.${id}`), bars }] : [];

  const reasons = NOT_ACCEPTED_REASONS.filter((r) => n(`R6.${r}`) > 0).map((r) => ({ label: codeName(lang, 'reason', r), value: n(`R6.${r}`) }));
  const typesAccepted = IP_TYPES.map((x) => ({ label: codeName(lang, 'ipType', x), value: n(`R11.${x}.accepted`) })).filter((b) => b.value > 0);
  const outcomes = [
    ...OUTCOMES.filter((o) => o !== 'NOT_ACCEPTED' && n(`R12.outcome.${o}`) > 0).map((o) => ({ label: codeName(lang, 'outcome', o), value: n(`R12.outcome.${o}`) })),
    ...(n('R12.open') > 0 ? [{ label: capitalise(figureName(lang, 'R12.open')), value: n('R12.open') }] : []),
  ];
  const halls = Object.keys(s.figures)
    .filter((k): k is FigureKey => parseHallKey(k)?.what === 'accepted')
    .sort()
    .map((k) => ({ label: word(lang, 'halls', { h: parseHallKey(k)?.hall ?? '' }), value: n(k) }));

  const typeRows = IP_TYPES.filter((x) => seen(`R11.${x}.accepted`)).map((x) => [
    codeName(lang, 'ipType', x),
    String(n(`R11.${x}.accepted`)),
    String(n(`R11.${x}.established`)),
    valueText(lang, `R11.${x}.rate`, f(`R11.${x}.rate`)),
  ]);
  const measureRows = MEASURE_CODES.filter((m) => seen(`R12.measure.${m}.ordered`)).map((m) => [
    codeName(lang, 'measure', m),
    String(n(`R12.measure.${m}.ordered`)),
    String(n(`R12.measure.${m}.done`)),
    String(n(`R12.measure.${m}.refused`)),
  ]);
  const repeatRows = s.repeatInfringers.map((r) => [
    r.name,
    registrationNo(r.exhibitorKey),
    String(r.established),
    String(r.previousEstablished),
    r.repeat ? word(lang, 'yes') : '',
    r.sanctions.map((x) => (x.n === undefined ? codeName(lang, 'sanction', x.code) : `${codeName(lang, 'sanction', x.code)}（${x.n}）`)).join(word(lang, 'sep')),
  ]);
  const h = (...keys: Parameters<typeof word>[1][]): string[] => keys.map((k) => word(lang, k));
  const table = (id: ReportTable['id'], headers: string[], numeric: boolean[], rows: string[][]): ReportBlock[] =>
    rows.length === 0 ? [] : [{ kind: 'table', id, headers, numeric, rows }];

  const sections: ReportSection[] = [
    { id: 'participation', heading: '', blocks: lines(['R1.exhibitors', 'R1.booths'], ['R2.committed', 'R2.rate']) },
    {
      id: 'complaints',
      heading: '',
      blocks: [
        ...lines(['R3.received', 'R4.accepted', 'R5.rate'], ['R6.total'], ['R7.foreign', 'R7.rate'], ['R8.enterprises']),
        ...chart('reasons', reasons),
        ...chart('types', typesAccepted),
      ],
    },
    {
      id: 'outcomes',
      heading: '',
      blocks: [
        ...lines(['R12.accepted', 'R12.open']),
        ...chart('outcomes', outcomes),
        ...lines(['R9.enterprises', 'R10.rate']),
        ...table('types', h('col.type', 'col.accepted', 'col.established', 'col.rate'), [false, true, true, true], typeRows),
        ...lines(seen('R11.patent.accepted') ? ['R11.patent.accepted', 'R11.patent.share', ...PATENT_TYPES.filter((x) => seen(`R11.${x}.accepted`)).map((x) => `R11.${x}.share` as const)] : []),
        ...lines(['R12.measures.ordered', 'R12.measures.done', 'R12.measures.refused']),
        ...table('measures', h('col.measure', 'col.ordered', 'col.done', 'col.refused'), [false, true, true, true], measureRows),
        ...chart('halls', halls),
      ],
    },
    {
      id: 'transfers',
      heading: '',
      blocks: lines(['R13.transfers', 'R13.transfer.admin', 'R13.transfer.enforcement', 'R13.handedOverIn24h', 'R13.handoverRate'], ['R13.reviews.requested', 'R13.reviews.upheld', 'R13.reviews.overturned']),
    },
    {
      id: 'timeliness',
      heading: '',
      blocks: lines(['R14.receivedToAccepted'], ['R14.acceptedToOpinion'], ['R14.orderedToVerified'], ['R14.closedByClose', 'R14.closedByCloseRate']),
    },
    {
      id: 'repeat',
      heading: '',
      blocks: [
        ...lines(['R15.exhibitors', 'R15.repeat'], SANCTION_CODES.filter((c) => seen(`R15.sanction.${c}`)).map((c) => `R15.sanction.${c}` as const)),
        ...(repeatRows.length === 0
          ? [{ kind: 'note', text: word(lang, 'noRepeat') } as const]
          : table('repeat', h('col.enterprise', 'col.code', 'col.thisSession', 'col.prevSession', 'col.repeat', 'col.sanctions'), [false, false, true, true, false, false], repeatRows)),
        ...lines(['R15.frequentComplainants']),
      ],
    },
    {
      id: 'service',
      heading: '',
      blocks: lines(
        ['R16.total'],
        ASKER_KINDS.filter((k) => seen(`R16.asker.${k}`)).map((k) => `R16.asker.${k}` as const),
        [...IP_TYPES.filter((x) => seen(`R16.type.${x}`)).map((x) => `R16.type.${x}` as const), ...(seen('R16.type.unspecified') ? (['R16.type.unspecified'] as const) : [])],
        ['R17.total', 'R17.caseOpinions', 'R17.reviewDecisions', 'R17.consultations'],
        ['R18.trainingSessions', 'R18.trainingParticipants'],
        ['R18.publicityActivities', 'R18.publicityMaterials'],
      ),
    },
    { id: 'onsite', heading: '', blocks: lines(['R19.experts', 'R19.expertDays', 'R19.authorities']) },
  ].map((sec) => ({ ...sec, heading: sectionHeading(lang, sec.id as SectionId) }) as ReportSection);

  const notes: string[] = [];
  const compared = Object.keys(s.changes).length > 0;
  if (s.previousFairId === undefined && !compared) notes.push(word(lang, 'previousNone'));
  else if (!compared) notes.push(word(lang, 'previousMissing'));
  else notes.push(word(lang, 'previousSome'));
  if (s.typedPrevious.length > 0) notes.push(word(lang, 'previousTyped'));

  return {
    lang,
    title: word(lang, 'title'),
    fairName: lang === 'en' && ctx.fairNameEn !== '' ? ctx.fairNameEn : ctx.fairNameZh,
    session: word(lang, 'session', { n: s.sessionNo }),
    generated: word(lang, 'generated', { at: formatInZone(ctx.generatedAt, ctx.timeZone) }),
    notes,
    sections,
  };
}

/** Every figure in report order, in words: the screen's appendix, the XLSX and the CSV. */
export function figureRows(s: PostShowSummary, lang: Language): FigureRow[] {
  const typed = new Set<string>(s.typedPrevious);
  return orderedFigureKeys(s.figures).map((id) => {
    const change = s.changes[id];
    return {
      id,
      rule: figureRule(id),
      section: sectionHeading(lang, sectionOf(id)),
      name: figureName(lang, id),
      value: valueText(lang, id, s.figures[id]),
      prev: change === undefined ? '' : valueText(lang, id, change.prev),
      delta: change === undefined ? '' : deltaText(lang, id, change.delta),
      deltaPct: change === undefined ? '' : change.deltaPctBp === null ? '—' : `${formatSignedBp(change.deltaPctBp)} %`,
      typed: typed.has(id),
    };
  });
}
