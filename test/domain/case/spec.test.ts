import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * SPEC.md is the list of rules; every rule ID needs a test whose name begins with `[ID]`
 * (STYLE.md). This scans the test files' text, so a renamed or deleted test shows up here.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const spec = readFileSync(join(root, 'src/domain/case/SPEC.md'), 'utf8');
const specIds = [...spec.matchAll(/^- \*\*([A-Z]{2}\d+)\*\*/gm)].map((m) => m[1] as string);

const testDir = join(root, 'test/domain/case');
const testText = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(testDir, f), 'utf8'))
  .join('\n');
const testedIds = new Set([...testText.matchAll(/\b(?:test|it)(?:\.\w+)?\(\s*['"`]\[([A-Z]{2}\d+)\]/g)].map((m) => m[1] as string));

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('SPEC.md', () => {
  test('lists every rule of the case machine: CS1–CS30, DL1–DL9, RP1–RP6, CN4, each once', () => {
    expect(specIds).toEqual(expect.arrayContaining([...range('CS', 1, 30), ...range('DL', 1, 9), ...range('RP', 1, 6), 'CN4']));
    expect(new Set(specIds).size).toBe(specIds.length);
  });

  test('every rule ID has a test named after it', () => {
    const untested = specIds.filter((id) => !testedIds.has(id));
    expect(untested).toEqual([]);
  });

  test('no test cites an ID that SPEC.md does not define', () => {
    const unknown = [...testedIds].filter((id) => !specIds.includes(id) && /^(CS|DL|RP|CN)/.test(id));
    expect(unknown).toEqual([]);
  });
});
