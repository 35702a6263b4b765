import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { QR_ERROR_CODES } from '../../../src/domain/wire/qr/frame';

/**
 * QR-SPEC.md is the list of rules; every rule ID needs a test whose name begins with `[ID]`.
 * This reads the test files' text, so a renamed or deleted test shows up here.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const spec = readFileSync(join(root, 'src/domain/wire/QR-SPEC.md'), 'utf8');
const specIds = [...spec.matchAll(/^- \*\*(QR\d+)\*\*/gm)].map((m) => m[1] as string);

const testDir = join(root, 'test/domain/wire');
const testText = readdirSync(testDir)
  .filter((f) => /^qr-.*\.test\.ts$/.test(f) && f !== 'qr-spec.test.ts')
  .map((f) => readFileSync(join(testDir, f), 'utf8'))
  .join('\n');
// A string starting `[QRn]`: test names, including `test.each(table)('[QR1] …')`, whose table
// may hold any brackets, so the call itself is not matched.
const testedIds = new Set([...testText.matchAll(/['"`]\[(QR\d+)\]/g)].map((m) => m[1] as string));

describe('QR-SPEC.md', () => {
  test('lists the rules QR1–QR13, each once, in order', () => {
    expect(specIds).toEqual(Array.from({ length: 13 }, (_, i) => `QR${i + 1}`));
  });

  test('every rule ID has a test named after it, and no test cites an unknown one', () => {
    expect(specIds.filter((id) => !testedIds.has(id))).toEqual([]);
    expect([...testedIds].filter((id) => !specIds.includes(id))).toEqual([]);
  });

  test('names every error code the code can return', () => {
    for (const code of QR_ERROR_CODES) expect(spec).toContain(`\`${code}\``);
  });
});
