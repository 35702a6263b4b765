import type { Language } from '../../../domain/codes';
import { ANNUAL_FIGURES, type AnnualBlock, type AnnualFigure } from '../../../domain/report/annual';
import type { AnnualFair, AnnualReply } from '../../../domain/wire/console-annual';
import type { ExportCell, ExportTable } from '../../../app/ui/report/summary-tables';
import { download } from '../../../app/ui/report/download';
import { annualMessages } from './annual.messages';
import { figureLabel, pctText, regionLabel, valueText } from './annual-words';

const w = (key: keyof typeof annualMessages, lang: Language): string => annualMessages[key][lang];

/** A number as a number (a spreadsheet sums it); A5's average in its unit, Δ% as a fraction under a % format. */
const count = (f: AnnualFigure, v: number | null, lang: Language): ExportCell =>
  v === null ? '—' : f === 'A5.averageParticipants' ? { n: v / 10, format: '0.0', text: valueText(f, v, lang) } : { n: v, format: '0', text: String(v) };

function blockCells(b: Pick<AnnualBlock, 'values' | 'changes'>, lang: Language): ExportCell[] {
  return ANNUAL_FIGURES.flatMap((f): ExportCell[] => {
    const c = b.changes[f];
    return [
      count(f, b.values[f], lang),
      count(f, c.prev, lang),
      c.delta === null ? '—' : f === 'A5.averageParticipants' ? { n: c.delta / 10, format: '0.0', text: String(c.delta / 10) } : { n: c.delta, format: '0', text: String(c.delta) },
      c.deltaPctTenths === null ? '—' : { n: c.deltaPctTenths / 1000, format: '0.0%', text: pctText(c) },
    ];
  });
}

/** The roll-up as sheets: by unit (32 + national), the fairs behind it, the threshold shares. */
export function annualTables(r: AnnualReply, fairs: readonly AnnualFair[], lang: Language): ExportTable[] {
  const heads = ANNUAL_FIGURES.flatMap((f) => [figureLabel(f, lang), `${figureLabel(f, lang)} ${w('annual.lastPeriod', lang)}`, `${figureLabel(f, lang)} ${w('annual.delta', lang)}`, `${figureLabel(f, lang)} ${w('annual.deltaPct', lang)}`]);
  const status = (p: boolean): string => w(p ? 'annual.provisional' : 'annual.final', lang);
  return [
    {
      name: w('annual.sheetRegions', lang),
      headers: [w('annual.region', lang), 'GB/T 2260', w('annual.status', lang), ...heads],
      rows: [
        ...r.units.map((u) => [regionLabel(u.region, lang), u.region, status(u.provisional), ...blockCells(u, lang)]),
        [w('annual.national', lang), '', status(r.national.provisional), ...blockCells(r.national, lang)],
      ],
    },
    {
      name: w('annual.sheetFairs', lang),
      headers: [w('annual.region', lang), w('annual.fair', lang), w('annual.organizer', lang), w('annual.firstDay', lang), w('annual.status', lang), 'id'],
      rows: fairs
        .filter((f) => f.period === 'current')
        .map((f) => [regionLabel(f.region, lang), `${f.code} · ${lang === 'en' && f.nameEn ? f.nameEn : f.nameZh}`, f.organizer ?? '', f.firstDay, status(!f.final), f.fairId]),
    },
    {
      name: w('annual.sheetShares', lang),
      headers: [w('annual.figure', lang), w('annual.min', lang), w('annual.units', lang), w('annual.share', lang), w('annual.previousShare', lang), w('annual.points', lang)],
      rows: r.shares.map((s) => [
        figureLabel(s.figure, lang), count(s.figure, s.min, lang), { n: s.units, format: '0', text: String(s.units) },
        { n: s.shareTenths / 1000, format: '0.0%', text: `${s.shareTenths / 10}%` }, { n: s.previousShareTenths / 1000, format: '0.0%', text: `${s.previousShareTenths / 10}%` },
        { n: s.deltaPointsTenths / 10, format: '0.0', text: String(s.deltaPointsTenths / 10) },
      ]),
    },
  ];
}

export async function exportXlsx(r: AnnualReply, fairs: readonly AnnualFair[], lang: Language): Promise<void> {
  const { buildXlsx } = await import('../../../app/ui/report/xlsx.chunk');
  const banner = r.national.provisional ? w('annual.provisional', lang) : undefined;
  const data = await buildXlsx(annualTables(r, fairs, lang), banner);
  download(data, `faircase-annual-${r.period.from}-${r.period.to}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
