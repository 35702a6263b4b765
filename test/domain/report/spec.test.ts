import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FIGURE_RULES } from '../../../src/domain/report/figures';

/**
 * The report SPEC.md lists the figures R1–R19 and the repeat rules it applies; every ID needs a
 * test whose name begins with `[ID]`. Scans the test files' text.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const spec = readFileSync(join(root, 'src/domain/report/SPEC.md'), 'utf8');
const specIds = [...spec.matchAll(/^- \*\*([A-Z]{1,2}\d+)\*\*/gm)].map((m) => m[1] as string);

const testDir = join(root, 'test/domain/report');
const testText = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(testDir, f), 'utf8'))
  .join('\n');
const testedIds = new Set([...testText.matchAll(/\b(?:test|it)(?:\.\w+)?\(\s*['"`]\[([A-Z]{1,2}\d+)\]/g)].map((m) => m[1] as string));

describe('report SPEC.md', () => {
  test('lists every figure R1–R19 and the repeat rules, each once', () => {
    expect(specIds).toEqual([...FIGURE_RULES, 'RP1', 'RP2', 'RP3', 'RP6']);
  });

  test('every ID has a test named after it', () => {
    expect(specIds.filter((id) => !testedIds.has(id))).toEqual([]);
  });
});
