import { describe, expect, test } from 'vitest';
import type { AnnualFairInput, AnnualSourceFigure } from '../../../src/domain/report/annual';
import { annualChange, annualInputOf, annualRollup, formatSignedTenths, formatTenths, percentTenths, yearBefore } from '../../../src/domain/report/annual';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import type { RegionCode } from '../../../src/domain/region';
import { PROVINCIAL_UNITS } from '../../../src/domain/region';
import { makeFair } from '../../support/builders';
import { runCase, session } from './session-builder';

/**
 * A hand-built year: every expected figure below is worked out by hand from the fairs' figures
 * written here, not by calling the code under test twice.
 */
const ZERO: Record<AnnualSourceFigure, number> = {
  'R3.received': 0, 'R4.accepted': 0, 'R17.total': 0, 'R16.total': 0, 'R18.trainingSessions': 0, 'R18.trainingParticipants': 0,
  'R18.publicityActivities': 0, 'R18.publicityMaterials': 0, 'R12.measures.ordered': 0, 'R12.measures.done': 0, 'R13.transfers': 0,
};

function fair(fairId: string, region: RegionCode, firstDay: string, figures: Partial<Record<AnnualSourceFigure, number>>, repeat: string[] = [], final = true): AnnualFairInput {
  return { fairId, region, firstDay, final, figures: { ...ZERO, ...figures }, repeatInfringerKeys: repeat };
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const GD = '440000';
const ZJ = '330000';
const BT = '660000';

/** 2026: two fairs in Guangdong, one in Zhejiang, one of the Corps; 2025: one in Guangdong, one in Zhejiang. */
const FAIRS: AnnualFairInput[] = [
  fair('canton-1', GD, '2026-04-15', { 'R3.received': 420, 'R4.accepted': 380, 'R17.total': 120, 'R16.total': 900, 'R18.trainingSessions': 3, 'R18.trainingParticipants': 250, 'R18.publicityActivities': 2, 'R18.publicityMaterials': 5000, 'R12.measures.ordered': 200, 'R12.measures.done': 190, 'R13.transfers': 4 }, ['CN:A', 'CN:B']),
  fair('canton-2', GD, '2026-10-15', { 'R3.received': 130, 'R4.accepted': 100, 'R17.total': 40, 'R16.total': 300, 'R18.trainingSessions': 1, 'R18.trainingParticipants': 84, 'R12.measures.ordered': 50, 'R12.measures.done': 45, 'R13.transfers': 1 }, ['CN:A']),
  fair('yiwu', ZJ, '2026-11-24', { 'R3.received': 60, 'R4.accepted': 51, 'R17.total': 30, 'R16.total': 120, 'R18.trainingSessions': 2, 'R18.trainingParticipants': 100 }, ['CN:B', 'CN:C']),
  fair('corps', BT, '2026-08-20', { 'R3.received': 2, 'R4.accepted': 1, 'R16.total': 9 }, [], false),
  fair('canton-0', GD, '2025-10-15', { 'R3.received': 500, 'R4.accepted': 459, 'R17.total': 100, 'R16.total': 1000, 'R18.trainingSessions': 5, 'R18.trainingParticipants': 300, 'R12.measures.ordered': 260, 'R12.measures.done': 250, 'R13.transfers': 5 }, ['CN:A']),
  fair('yiwu-0', ZJ, '2025-11-24', { 'R3.received': 60, 'R4.accepted': 40, 'R17.total': 30, 'R16.total': 80 }),
  // The year before the year before: in neither period.
  fair('old', GD, '2024-04-15', { 'R3.received': 999 }),
];

const rollup = annualRollup(FAIRS, YEAR, [
  { figure: 'A2.received', min: 500 },
  { figure: 'A3.opinions', min: 100 },
]);
const unit = (code: RegionCode) => rollup.units.find((u) => u.region === code)!;

describe('the administration\'s annual figures', () => {
  test('[AR4] rounding as the national report: 9 of 32 units is 28.1 %, 283 against 259 is +9.3 %', () => {
    expect(percentTenths(9, 32)).toBe(281);
    expect(formatTenths(percentTenths(9, 32))).toBe('28.1');
    expect(annualChange(283, 259)).toEqual({ prev: 259, delta: 24, deltaPctTenths: 93 });
    expect(formatSignedTenths(93)).toBe('+9.3');
    // Half-up on |Δ|, then signed: 1/16 = 6.25 % → 6.3 %; falling 1 of 16 → −6.3 %.
    expect(annualChange(17, 16).deltaPctTenths).toBe(63);
    expect(annualChange(15, 16).deltaPctTenths).toBe(-63);
    expect(formatSignedTenths(-63)).toBe('-6.3');
    expect(annualChange(5, 0)).toEqual({ prev: 0, delta: 5, deltaPctTenths: null });
    expect(formatSignedTenths(null)).toBe('—');
  });

  test('[AR1] every one of the 32 units is listed in code order, the Corps as its own, zeros where no fair was held', () => {
    expect(PROVINCIAL_UNITS).toHaveLength(32);
    expect(rollup.units.map((u) => u.region)).toEqual(PROVINCIAL_UNITS.map((u) => u.code));
    expect(unit(BT).values['A1.services']).toBe(1);
    expect(unit('110000').values['A1.services']).toBe(0);
    expect(unit('110000').values['A2.received']).toBe(0);
    expect(unit('110000').values['A5.averageParticipants']).toBeNull();
  });

  test('[AR2] a fair belongs to the period of its first desk day: one that opens on 30 December counts in that year only', () => {
    const newYear = [fair('ny', GD, '2025-12-30', { 'R3.received': 7 })];
    expect(annualRollup(newYear, { from: '2025-01-01', to: '2025-12-31' }, []).national.values['A2.received']).toBe(7);
    expect(annualRollup(newYear, { from: '2026-01-01', to: '2026-12-31' }, []).national.values['A2.received']).toBe(0);
  });

  test('[AR3] the comparison is the same dates a year before; 29 February falls back to the 28th', () => {
    expect(rollup.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(yearBefore({ from: '2024-02-29', to: '2024-03-31' })).toEqual({ from: '2023-02-28', to: '2023-03-31' });
    expect(yearBefore({ from: '2025-02-28', to: '2025-02-28' })).toEqual({ from: '2024-02-28', to: '2024-02-28' });
  });

  test('[AR5] a block with a fair not final is provisional, and the roll-up names that fair', () => {
    expect(rollup.provisionalFairIds).toEqual(['corps']);
    expect(rollup.national.provisional).toBe(true);
    expect(unit(BT).provisional).toBe(true);
    expect(unit(GD).provisional).toBe(false);
  });

  test('[AR6] national totals sum the fairs, and a repeat infringer at fairs of two units counts once', () => {
    expect(rollup.national.values['A2.received']).toBe(420 + 130 + 60 + 2);
    // CN:A at both Canton sessions, CN:B in Guangdong and Zhejiang, CN:C in Zhejiang.
    expect(rollup.national.values['A7.repeatInfringers']).toBe(3);
    expect([unit(GD).values['A7.repeatInfringers'], unit(ZJ).values['A7.repeatInfringers']]).toEqual([2, 2]);
  });

  test('[A1] on-site services: the fairs of the period, per unit and nationally, against the year before', () => {
    expect(unit(GD).values['A1.services']).toBe(2);
    expect(unit(GD).changes['A1.services']).toEqual({ prev: 1, delta: 1, deltaPctTenths: 1000 });
    expect(rollup.national.values['A1.services']).toBe(4);
    expect(rollup.national.changes['A1.services']).toEqual({ prev: 2, delta: 2, deltaPctTenths: 1000 });
  });

  test('[A2] complaints received and accepted are R3 and R4 summed, with the change on the year before', () => {
    expect([unit(GD).values['A2.received'], unit(GD).values['A2.accepted']]).toEqual([550, 480]);
    // Guangdong accepted 480 against 459: +21, 21/459 = 4.575 % → 4.6 %.
    expect(unit(GD).changes['A2.accepted']).toEqual({ prev: 459, delta: 21, deltaPctTenths: 46 });
    // Zhejiang accepted 51 against 40: +27.5 %.
    expect(unit(ZJ).changes['A2.accepted']).toEqual({ prev: 40, delta: 11, deltaPctTenths: 275 });
  });

  test('[A3] reference opinions are R17 summed', () => {
    expect(unit(GD).values['A3.opinions']).toBe(160);
    expect(rollup.national.values['A3.opinions']).toBe(190);
    // 190 against 130: +60, 46.15 % → 46.2 %.
    expect(rollup.national.changes['A3.opinions']).toEqual({ prev: 130, delta: 60, deltaPctTenths: 462 });
  });

  test('[A4] consultations are R16 summed', () => {
    expect(rollup.national.values['A4.consultations']).toBe(900 + 300 + 120 + 9);
    // Guangdong 1,200 against 1,000: +20.0 %.
    expect(unit(GD).changes['A4.consultations']).toEqual({ prev: 1000, delta: 200, deltaPctTenths: 200 });
  });

  test('[A5] trainings, participants and their average per session to one decimal, publicity summed', () => {
    const gd = unit(GD).values;
    expect([gd['A5.trainingSessions'], gd['A5.trainingParticipants'], gd['A5.publicityActivities'], gd['A5.publicityMaterials']]).toEqual([4, 334, 2, 5000]);
    // 334 / 4 = 83.5 → 835 tenths; nationally 434 / 6 = 72.33 → 72.3.
    expect(gd['A5.averageParticipants']).toBe(835);
    expect(rollup.national.values['A5.averageParticipants']).toBe(723);
    // The Corps held no training: no average.
    expect(unit(BT).values['A5.averageParticipants']).toBeNull();
  });

  test('[A6] measures ordered, verified as carried out, and transfers are R12 and R13 summed', () => {
    expect([unit(GD).values['A6.measuresOrdered'], unit(GD).values['A6.measuresVerified'], unit(GD).values['A6.transfers']]).toEqual([250, 235, 5]);
    // 235 against 250: −15, 6 % → −6.0 %.
    expect(unit(GD).changes['A6.measuresVerified']).toEqual({ prev: 250, delta: -15, deltaPctTenths: -60 });
  });

  test('[A7] repeat infringers are distinct exhibitor keys of the fairs\' R15 repeat list', () => {
    expect(unit(GD).values['A7.repeatInfringers']).toBe(2);
    expect(unit(GD).previous['A7.repeatInfringers']).toBe(1);
    const summary = postShowSummary(session(makeFair({ code: 'RP7' }), []));
    const input = annualInputOf({ ...summary, repeatInfringers: [
      { exhibitorKey: 'CN:X', repeat: true }, { exhibitorKey: 'CN:Y', repeat: false },
    ] }, { region: GD, firstDay: '2026-04-15', final: true });
    expect(input.repeatInfringerKeys).toEqual(['CN:X']);
  });

  test('[A8] threshold shares over 32 units: units with 500 or more complaints, with 100 or more opinions, and the change in points', () => {
    // Only Guangdong received ≥ 500 (550) this year; last year also only Guangdong (500).
    expect(rollup.shares[0]).toEqual({ figure: 'A2.received', min: 500, units: 1, shareTenths: 31, previousUnits: 1, previousShareTenths: 31, deltaPointsTenths: 0 });
    // ≥ 100 opinions: Guangdong (160) this year, Guangdong (100) last year.
    expect(rollup.shares[1]?.units).toBe(1);
    // Nine units at the threshold make the report's 28.1 %.
    const nine = PROVINCIAL_UNITS.slice(0, 9).map((u, i) => fair(`f${i}`, u.code, '2026-05-01', { 'R3.received': 500 + i }));
    const share = annualRollup(nine, YEAR, [{ figure: 'A2.received', min: 500 }]).shares[0]!;
    expect([share.units, formatTenths(share.shareTenths), share.deltaPointsTenths]).toEqual([9, '28.1', 281]);
  });

  test('a fair\'s input reads its summary\'s figures: complaints, opinions, consultations', () => {
    const f = makeFair({ code: 'AN1' });
    const runs = [1, 2, 3].map((n) => runCase(f, { n, complaint: n, respondent: { key: `CN:R${n}`, hall: '1', stand: `A${n}` }, start: '2025-04-15 10:00', steps: n === 3 ? [['Reject', { payload: { reason: 'NR_RIGHT_INVALID' } }]] : ['Accept', 'IssueOpinion'] }));
    const summary = postShowSummary(session(f, runs));
    const input = annualInputOf(summary, { region: ZJ, firstDay: '2026-04-15', final: true });
    expect([input.figures['R3.received'], input.figures['R4.accepted'], input.figures['R17.total']]).toEqual([3, 2, 2]);
  });
});
