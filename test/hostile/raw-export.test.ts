import { afterAll, beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { recordComplaint } from '../../src/store/cases';
import { buildRawZip } from '../../src/app/export/raw-zip.chunk';
import { clerk, complaintInput, respondent, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import type { Fair } from '../../src/domain/fair';
import { hostileString } from './arbitraries';

/**
 * Hostile input: formula injection in the raw data export (PS5, PS6): complaints whose free
 * text starts like a formula are recorded in the real store (fake-indexeddb), exported with
 * `buildRawZip`, and every cell of every CSV in the ZIP is read back: none starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return unless it is a plain signed number.
 */
const now = clock();
let fair: Fair;
beforeAll(async () => {
  freshDb('hostile-raw-export');
  fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'K07');
});
afterAll(resetDb);

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const formulaText = fc
  .tuple(fc.constantFrom('=', '+', '-', '@', '\t=', '\r=', '=HYPERLINK("http://x","y")', '@SUM(', '-1+'), hostileString.map((s) => s.slice(0, 40)))
  .map(([a, b]) => `${a}${b}`);

test('[PS6] raw export: 100 complaints of formula-like free text, no CSV cell a formula', async () => {
  const texts = fc.sample(fc.tuple(formulaText, formulaText, formulaText), { numRuns: 100, seed: 1002 });
  let recorded = 0;
  for (const [name, item, title] of texts) {
    const input = complaintInput(fair, now(), {
      complainant: { role: 'complainant', kind: 'entity', name, country: 'CN', uscc: '91350100M000100Y43', phone: '13800138000' },
      respondents: [{ ...respondent(1), name: `${name} 展商` }],
      accusedItems: [{ description: item, evidenceIds: [] }],
      rights: [{ type: 'invention', number: 'ZL201710601862.3', title, holder: name, jurisdiction: 'CN', status: 'valid', statusSource: 'certificate' }],
    });
    const r = await recordComplaint(input, clerk, now());
    if (r.ok) recorded++;
  }
  // Many formula-like texts are valid free text: the export really carries them (the text rule,
  // TX3–TX5, refuses those with a control character, a lone surrogate or a bidi control).
  expect(recorded).toBeGreaterThan(30);
  const files = unzipSync(await buildRawZip(fair.id, undefined));
  let cells = 0;
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith('.csv')) continue;
    const parsed = Papa.parse<string[]>(strFromU8(bytes).replace(/^\uFEFF/, ''), { newline: '\r\n', delimiter: ',' });
    for (const row of parsed.data) {
      for (const cell of row) {
        cells++;
        expect(FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell), `${name}: ${JSON.stringify(cell.slice(0, 80))}`).toBe(false);
      }
    }
  }
  expect(cells).toBeGreaterThan(recorded * 5);
}, 240_000);
