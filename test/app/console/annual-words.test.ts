import { describe, expect, test } from 'vitest';
import { annualRollup, type AnnualFairInput, type AnnualSourceFigure } from '../../../src/domain/report/annual';
import { AnnualReply } from '../../../src/domain/wire/console-annual';
import { reportSentences, yoyPhrase } from '../../../src/console/screens/annual/annual-words';
import { annualTables } from '../../../src/console/screens/annual/annual-xlsx';

/** The printed statistics section and the XLSX of the roll-up, on AR4's worked examples. */
const figures = (received: number): Record<AnnualSourceFigure, number> => ({
  'R3.received': received, 'R4.accepted': 0, 'R17.total': 0, 'R16.total': 0, 'R18.trainingSessions': 0, 'R18.trainingParticipants': 0,
  'R18.publicityActivities': 0, 'R18.publicityMaterials': 0, 'R12.measures.ordered': 0, 'R12.measures.done': 0, 'R13.transfers': 0,
});
const fair = (n: number, day: string, region: '440000' | '110000', received: number): AnnualFairInput => ({
  fairId: `F${n}`, region, firstDay: day, final: true, figures: figures(received), repeatInfringerKeys: [],
});

// 283 fairs this year against 259 the year before: A1 +9.3 % (AR4's example).
const fairs = [
  ...Array.from({ length: 283 }, (_, i) => fair(i, '2021-05-01', i < 9 ? '440000' : '110000', i < 9 ? 500 : 1)),
  ...Array.from({ length: 259 }, (_, i) => fair(1000 + i, '2020-05-01', '110000', 1)),
];
const rollup = annualRollup(fairs, { from: '2021-01-01', to: '2021-12-31' }, [{ figure: 'A2.received', min: 500 }]);
const reply = AnnualReply.parse({ type: 'annual', ...rollup, units: [...rollup.units], shares: [...rollup.shares], provisionalFairs: 0, withoutRegion: 0, generatedAt: '2022-01-10T00:00:00.000Z' });

describe('the annual report in words', () => {
  test('[AR4] 283 fairs against 259 reads +9.3 % in both languages; one unit of 32 at 500 complaints reads 3.1 %', () => {
    expect(yoyPhrase(reply.national.changes['A1.services'], 'zh-CN')).toBe('同比增长9.3%');
    expect(yoyPhrase(reply.national.changes['A1.services'], 'en')).toBe('up 9.3% year on year');
    const zh = reportSentences(reply, 'zh-CN');
    expect(zh[0]).toMatch(/^2021年，全国共在283个展会开展驻场维权援助服务，同比增长9.3%；/);
    expect(zh[4]).toBe('3.1%的省级单位（32个中的1个）收到投诉达到500以上（上年同期0.0%，变化+3.1个百分点）。');
    expect(reportSentences(reply, 'en')[0]).toMatch(/^In 2021, desks at 283 fairs provided on-site rights-protection assistance, up 9\.3% year on year\./);
  });

  test('[AR4] the XLSX writes numbers as numbers and Δ% as a fraction under a % format', () => {
    const [units] = annualTables(reply, [], 'en');
    const national = units?.rows[units.rows.length - 1];
    // Region, code, status, then A1: value, previous, Δ, Δ%.
    expect(national?.slice(3, 7)).toEqual([
      { n: 283, format: '0', text: '283' }, { n: 259, format: '0', text: '259' }, { n: 24, format: '0', text: '24' }, { n: 0.093, format: '0.0%', text: '+9.3%' },
    ]);
  });
});
