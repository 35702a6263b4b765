import { expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The tablet's side of the append-only log (SY8 is the server's): the store API has no path that
 * changes or removes a row of the local `items` table (src/store/db.ts). Items are written once,
 * with `bulkAdd` (which refuses an existing key), in src/store/local-log.ts; sync copies them into the
 * outbox and frees the OUTBOX, never the log. A source scan, so a new update or delete path on
 * `items` anywhere in the tablet's code fails here.
 */
const TABLET_DIRS = ['src/store', 'src/sync', 'src/app'];
const MUTATORS = /\bitems\s*\.\s*(put|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|modify)\s*\(/;
const CHAINED = /\bitems\s*\.\s*(where|filter|toCollection|orderBy)\s*\([^;]*?\)\s*\.\s*(?:[a-zA-Z]+\([^;]*?\)\s*\.\s*)*(delete|modify)\s*\(/;
const BY_NAME = /\btable\(\s*['"]items['"]\s*\)/;

const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(dir, f));

test('the tablet’s items log has no update or delete path: written once with bulkAdd', () => {
  const files = TABLET_DIRS.flatMap(sources);
  expect(files.length).toBeGreaterThan(50);
  const writers: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    expect(MUTATORS.exec(text)?.[0], file).toBeUndefined();
    expect(CHAINED.exec(text)?.[0], file).toBeUndefined();
    expect(BY_NAME.exec(text)?.[0], file).toBeUndefined();
    if (/\bitems\s*\.\s*(bulkAdd|add)\s*\(/.test(text)) writers.push(file);
  }
  expect(writers).toEqual(['src/store/local-log.ts']);
});

test('the scan would see an update or delete path (the patterns match what they must)', () => {
  for (const bad of ['db.items.put(x)', 'db.items.delete(id)', 'tx.items.clear()', "db.items.where('seq').below(5).delete()", "db.items.where('entityId').equals(id).modify((i) => {})"]) {
    expect(MUTATORS.test(bad) || CHAINED.test(bad), bad).toBe(true);
  }
  expect(BY_NAME.test("db.table('items')")).toBe(true);
  expect(MUTATORS.test('d.items.push(x)') || CHAINED.test('d.items.splice(1, 1)')).toBe(false);
});
