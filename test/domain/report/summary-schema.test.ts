import { describe, expect, test } from 'vitest';
import { STATIC_FIGURE_KEYS } from '../../../src/domain/report/figures';
import { postShowSummary } from '../../../src/domain/report/post-show-summary';
import { PostShowSummary, PreviousFigures } from '../../../src/domain/report/summary-schema';
import { summaryRows } from '../../../src/domain/report/summary-rows';
import { CURRENT, PREVIOUS } from './hand-session';

const summary = postShowSummary({ ...CURRENT, previousSession: PREVIOUS, previous: { 'R4.accepted': 531 } });
const wire = () => JSON.parse(JSON.stringify(summary)) as Record<string, Record<string, unknown>>;
const issues = (v: unknown) => {
  const r = PostShowSummary.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('PostShowSummary schema (wire and exports)', () => {
  test('a computed summary parses back unchanged', () => {
    expect(PostShowSummary.parse(wire())).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  test('an unknown figure, a missing figure, a negative count and a rate over 100 % are refused', () => {
    const w = wire();
    w.figures = { ...w.figures, 'R20.anything': 1 };
    expect(issues(w)).toEqual(['figures.R20.anything:UNKNOWN_FIGURE']);
    const missing = wire();
    delete missing.figures?.['R4.accepted'];
    expect(issues(missing)).toEqual(['figures.R4.accepted:REQUIRED']);
    const negative = wire();
    negative.figures = { ...negative.figures, 'R3.received': -1, 'R10.rate': 10001 };
    expect(issues(negative)).toEqual(['figures.R3.received:TOO_SMALL', 'figures.R10.rate:OUT_OF_RANGE']);
    const nullCount = wire();
    nullCount.figures = { ...nullCount.figures, 'R1.booths': null };
    expect(issues(nullCount)).toEqual(['figures.R1.booths:REQUIRED']);
  });

  test('[R14] a median of nothing and a rate over zero travel as null ("—")', () => {
    const w = wire();
    w.figures = { ...w.figures, 'R14.orderedToVerified': null, 'R5.rate': null };
    expect(issues(w)).toEqual([]);
  });

  test('previous values typed by the organizer: any subset of known figures, halls included', () => {
    expect(PreviousFigures.parse({ 'R4.accepted': 531, 'R10.rate': 4279, 'R12.hall(11.2).accepted': 3 })).toEqual({
      'R4.accepted': 531,
      'R10.rate': 4279,
      'R12.hall(11.2).accepted': 3,
    });
    expect(PreviousFigures.safeParse({ 'R4.accepted': 5.5 }).success).toBe(false);
    expect(PreviousFigures.safeParse({ 'R4.acepted': 5 }).success).toBe(false);
  });

  test('every static figure is in every summary, once, in report order', () => {
    const keys = Object.keys(summary.figures);
    expect(keys.filter((k) => !k.startsWith('R12.hall('))).toEqual([...STATIC_FIGURE_KEYS]);
    expect(keys.indexOf('R12.hall(11.2).accepted')).toBeGreaterThan(keys.indexOf('R12.accepted'));
    expect(keys.indexOf('R12.hall(11.2).accepted')).toBeLessThan(keys.indexOf('R13.transfers'));
  });
});

describe('summary rows (what CSV, XLSX and print show)', () => {
  const rows = new Map(summaryRows(summary).map((r) => [r.id, r]));

  test('[R4] a count with a typed previous value: 9 against 531', () => {
    expect(rows.get('R4.accepted')).toEqual({ id: 'R4.accepted', rule: 'R4', kind: 'count', value: '9', prev: '531', delta: '-522', deltaPct: '-98.31' });
  });

  test('[R10] a rate shows two decimals and changes in percentage points, no Δ%', () => {
    expect(rows.get('R10.rate')).toMatchObject({ value: '40.00', prev: '66.67', delta: '-26.67', deltaPct: '—' });
  });

  test('[R11] "—" for a rate over zero; [R1] "—" for Δ% when prev = 0', () => {
    expect(rows.get('R11.gi.rate')).toMatchObject({ value: '—', prev: '—', delta: '—' });
    expect(rows.get('R1.exhibitors')).toMatchObject({ value: '6', prev: '0', delta: '+6', deltaPct: '—' });
  });
});
