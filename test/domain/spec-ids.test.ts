import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * A SPEC file is a list of rules; every rule ID needs a test whose name begins with `[ID]`
 * (several IDs may lead: `[BN2][BN3] …`). This scans the test files' text, so a renamed or
 * deleted test shows up here.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string, suffixes: readonly string[]): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && suffixes.some((s) => e.name.endsWith(s)))
    .map((e) => join(e.parentPath, e.name));
}

const specIdsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^- \*\*([A-Z]{1,2}\d+)\*\*/gm)].map((m) => m[1] as string);

/** IDs that lead a test's name: `test('[SY1][SY2] …'`, `it(\`[CS7] …\``. */
function testedIdsIn(files: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:test|it)(?:\.\w+)?\(\s*['"`]((?:\[[A-Z]{1,2}\d+\])+)/g)) {
      for (const id of (m[1] as string).matchAll(/\[([A-Z]{1,2}\d+)\]/g)) ids.add(id[1] as string);
    }
  }
  return ids;
}

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const SPECS = [
  {
    file: 'src/domain/case/SPEC.md',
    prefixes: /^(CS|DL|RP|CN)/,
    tests: filesUnder('test/domain/case', ['.test.ts']),
    mustList: [...range('CS', 1, 30), ...range('DL', 1, 9), ...range('RP', 1, 6), 'CN4'],
  },
  {
    file: 'src/sync/SPEC.md',
    prefixes: /^SY/,
    tests: filesUnder('test', ['.ts']),
    mustList: range('SY', 1, 9),
  },
  {
    file: 'src/server/CONSOLE-SPEC.md',
    prefixes: /^CO/,
    tests: filesUnder('test', ['.ts']),
    mustList: range('CO', 1, 18),
  },
  {
    file: 'src/domain/report/ANNUAL-SPEC.md',
    prefixes: /^(A\d|AR)/,
    // AR8 on are the server's and the console's: their tests are server tests and the console's e2e.
    tests: [...filesUnder('test/domain', ['.test.ts']), ...filesUnder('test/server', ['.test.ts']), ...filesUnder('test/e2e', ['.e2e.ts'])],
    mustList: [...range('A', 1, 8), ...range('AR', 1, 14)],
  },
] as const;

describe.each(SPECS)('$file', ({ file, prefixes, tests, mustList }) => {
  const specIds = specIdsOf(file);
  const tested = testedIdsIn(tests);

  test('lists its rules, each once', () => {
    expect(specIds).toEqual(expect.arrayContaining([...mustList]));
    expect(new Set(specIds).size).toBe(specIds.length);
  });

  test('every rule ID has a test named after it', () => {
    expect(specIds.filter((id) => !tested.has(id))).toEqual([]);
  });

  test('no test cites an ID that the SPEC does not define', () => {
    expect([...tested].filter((id) => prefixes.test(id) && !specIds.includes(id))).toEqual([]);
  });
});
