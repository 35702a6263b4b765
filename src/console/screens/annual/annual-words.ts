import type { Language } from '../../../domain/codes';
import { formatSignedTenths, formatTenths, type AnnualChange, type AnnualFigure } from '../../../domain/report/annual';
import { regionName, type RegionCode } from '../../../domain/region';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { figureNames } from './annual.messages';

/** The page's and the printed report's wording of values, changes and the period (AR4's rounding). */
export const figureLabel = (f: AnnualFigure, lang: Language): string => figureNames[f][lang];
export const regionLabel = (code: RegionCode, lang: Language): string => regionName(code, lang);

// One formatter per language: `toLocaleString` with a locale builds a new one on every call, and
// the table writes eleven figures for each of AR1's 32 units and the nation.
const formats = new Map<Language, Intl.NumberFormat>();
const grouped = (n: number, lang: Language): string => {
  let f = formats.get(lang);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN');
    formats.set(lang, f);
  }
  return f.format(n);
};

/** A5's average is in tenths (AR4); every other figure a count. */
export const valueText = (f: AnnualFigure, v: number | null, lang: Language): string =>
  v === null ? '—' : f === 'A5.averageParticipants' ? formatTenths(v) : grouped(v, lang);

export const pctText = (c: AnnualChange): string => (c.deltaPctTenths === null ? '—' : `${formatSignedTenths(c.deltaPctTenths)}%`);

/** 同比 in words: up, down, level, or nothing to compare with. */
export function yoyPhrase(c: AnnualChange, lang: Language): string {
  if (c.deltaPctTenths === null || c.delta === null) return lang === 'en' ? 'no figure for the year before' : '上年同期无可比数据';
  const pct = `${formatTenths(Math.abs(c.deltaPctTenths))}%`;
  if (c.delta > 0) return lang === 'en' ? `up ${pct} year on year` : `同比增长${pct}`;
  if (c.delta < 0) return lang === 'en' ? `down ${pct} year on year` : `同比下降${pct}`;
  return lang === 'en' ? 'level with the year before' : '与上年同期持平';
}

export function periodText(p: { from: string; to: string }, lang: Language): string {
  const wholeYear = p.from.endsWith('-01-01') && p.to.endsWith('-12-31') && p.from.slice(0, 4) === p.to.slice(0, 4);
  if (wholeYear) return lang === 'en' ? p.from.slice(0, 4) : `${p.from.slice(0, 4)}年`;
  return lang === 'en' ? `${p.from} to ${p.to}` : `${p.from} 至 ${p.to}`;
}

/**
 * The statistics section's paragraphs, as the national report writes them: each figure in a
 * sentence with its 同比, then the threshold shares.
 */
export function reportSentences(r: AnnualReply, lang: Language): string[] {
  const n = r.national;
  const v = (f: AnnualFigure): string => valueText(f, n.values[f], lang);
  const y = (f: AnnualFigure): string => yoyPhrase(n.changes[f], lang);
  const period = periodText(r.period, lang);
  const shares = r.shares.map((s) =>
    lang === 'en'
      ? `${formatTenths(s.shareTenths)}% of provincial units (${s.units} of 32) reached ${valueText(s.figure, s.min, lang)} or more in “${figureLabel(s.figure, lang).toLowerCase()}” (${formatTenths(s.previousShareTenths)}% the year before, ${formatSignedTenths(s.deltaPointsTenths)} points).`
      : `${formatTenths(s.shareTenths)}%的省级单位（32个中的${s.units}个）${figureLabel(s.figure, lang)}达到${valueText(s.figure, s.min, lang)}以上（上年同期${formatTenths(s.previousShareTenths)}%，变化${formatSignedTenths(s.deltaPointsTenths)}个百分点）。`,
  );
  if (lang === 'en') {
    return [
      `In ${period}, desks at ${v('A1.services')} ${n.values['A1.services'] === 1 ? 'fair' : 'fairs'} provided on-site rights-protection assistance, ${y('A1.services')}. They received ${v('A2.received')} complaints (${y('A2.received')}) and accepted ${v('A2.accepted')} (${y('A2.accepted')}).`,
      `They gave ${v('A3.opinions')} reference opinions on infringement (${y('A3.opinions')}) and ${v('A4.consultations')} consultations (${y('A4.consultations')}).`,
      `They held ${v('A5.trainingSessions')} trainings with ${v('A5.trainingParticipants')} participants (${y('A5.trainingParticipants')}), ${v('A5.averageParticipants')} per training, and ${v('A5.publicityActivities')} publicity activities with ${v('A5.publicityMaterials')} materials.`,
      `Desks ordered ${v('A6.measuresOrdered')} measures, of which ${v('A6.measuresVerified')} were verified as carried out (${y('A6.measuresVerified')}); ${v('A6.transfers')} cases were transferred to the authorities (${y('A6.transfers')}); ${v('A7.repeatInfringers')} exhibitors were repeat infringers.`,
      ...shares,
    ];
  }
  return [
    `${period}，全国共在${v('A1.services')}个展会开展驻场维权援助服务，${y('A1.services')}；收到投诉${v('A2.received')}件，${y('A2.received')}；受理投诉${v('A2.accepted')}件，${y('A2.accepted')}。`,
    `出具侵权判定参考意见${v('A3.opinions')}份，${y('A3.opinions')}；提供咨询指导${v('A4.consultations')}次，${y('A4.consultations')}。`,
    `开展培训${v('A5.trainingSessions')}场、${v('A5.trainingParticipants')}人次，${y('A5.trainingParticipants')}，场均${v('A5.averageParticipants')}人次；开展宣传活动${v('A5.publicityActivities')}次，发放宣传资料${v('A5.publicityMaterials')}份。`,
    `作出处置措施${v('A6.measuresOrdered')}项，核实到位${v('A6.measuresVerified')}项，${y('A6.measuresVerified')}；移交处理${v('A6.transfers')}件，${y('A6.transfers')}；认定重复侵权${v('A7.repeatInfringers')}家。`,
    ...shares,
  ];
}
