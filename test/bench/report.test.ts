import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Figure } from './figure';
import { budgetOf, missingBudgets, readProofFigures, renderTable, toLine } from './report';

const figure = (name: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  name,
  value,
  unit: 'ms',
  goal: { op: '<=', value: 100 },
  ...extra,
});

describe('the one performance report', () => {
  test('a figure belongs to the budget its name starts with', () => {
    expect(budgetOf('P3 board first paint (10,000 cases)')).toBe('P3');
    expect(budgetOf('fold 10,000 case events into cases')).toBe('—');
  });

  test('a figure over its goal, or over its ratio goal, fails', () => {
    expect(toLine(figure('P1 save', 50), 'bench').pass).toBe(true);
    expect(toLine(figure('P1 save', 150), 'bench').pass).toBe(false);
    const overRatio = figure('P1 save', 5, { ratio: { baselineName: 'raw put', value: 3.5, goal: 3 } });
    expect(toLine(overRatio, 'bench').pass).toBe(false);
  });

  test('a budget no suite measured is listed as not measured, never silently passed', () => {
    const lines = ['P1 a', 'P2 b', 'P3 c', 'P4 d', 'P6 f', 'P7 g', 'P8 h'].map((n) => toLine(figure(n, 1), 'bench'));
    expect(missingBudgets(lines)).toEqual(['P5']);
    const table = renderTable(lines, ['P5'], [{ suite: 'pull', message: 'Chromium did not start' }]);
    expect(table).toMatch(/P5 .*NOT MEASURED/);
    expect(table).toMatch(/suite pull failed: Chromium did not start .*ERROR/);
  });

  test('the table has one row per figure with value, goal, ratio and result, sorted by budget', () => {
    const lines = [
      toLine(figure('P4 push ingest, PGlite', 14_173, { unit: 'items/s', goal: { op: '>=', value: 5000 }, ratio: { baselineName: 'raw INSERT', value: 1.44, goal: 2 } }), 'bench'),
      toLine(figure('P1 durable save', 6.7), 'bench'),
    ];
    const rows = renderTable(lines, [], []).split('\n');
    expect(rows[0]).toMatch(/^budget\s+figure\s+value\s+goal\s+ratio to baseline\s+result$/);
    expect(rows[2]).toMatch(/^P1\s+P1 durable save\s+6\.7 ms\s+<= 100\s+PASS$/);
    expect(rows[3]).toMatch(/^P4\s+P4 push ingest, PGlite\s+14,173 items\/s\s+>= 5,000\s+×1\.44 raw INSERT \(≤ 2×\)\s+PASS$/);
  });

  test("the last proof run's figures join the table; a broken proof file is skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), 'faircase-report-'));
    writeFileSync(join(dir, 'proof-load.json'), JSON.stringify({ at: '2026-11-25T07:00:00Z', figures: [figure('load: push p99', 80), { name: 'junk' }] }));
    writeFileSync(join(dir, 'proof-broken.json'), '{"figures": [');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ figures: [figure('not proof', 1)] }));
    const proof = readProofFigures(dir);
    expect(proof.at).toBe('2026-11-25T07:00:00Z');
    expect(proof.lines.map((l) => [l.name, l.source, l.pass])).toEqual([['load: push p99', 'proof', true]]);
    expect(renderTable(proof.lines, [], [])).toContain('load: push p99 (npm run proof)');
  });
});
