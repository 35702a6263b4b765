import { expect, test } from 'vitest';
import { DESK_MESSAGES } from '../../src/app/i18n/desk-messages';

/**
 * Every dictionary of the repository: each `*.messages.ts` under src (the desk's screens and areas,
 * the domain's codes, the phone, the console's screens), found by name, so a new file is checked
 * without being listed here. A dictionary is an exported object whose every entry holds a zh-CN
 * and an English text side by side.
 */
type Entry = Readonly<Record<'zh-CN' | 'en', string>>;
const files = import.meta.glob<Record<string, unknown>>('../../src/**/*.messages.ts', { eager: true });

const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && typeof (v as Entry)['zh-CN'] === 'string' && typeof (v as Entry).en === 'string';
const dictionaries: { readonly name: string; readonly entries: Readonly<Record<string, Entry>> }[] = [];
for (const [path, exports] of Object.entries(files)) {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value === 'object' && value !== null && Object.keys(value).length > 0 && Object.values(value).every(isEntry)) {
      dictionaries.push({ name: `${path.replace('../../', '')} ${name}`, entries: value as Record<string, Entry> });
    }
  }
}
const params = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

test('the dictionaries are found: the desk, the codes, the phone and the console', () => {
  const names = dictionaries.map((d) => d.name);
  for (const expected of ['src/app/i18n/codes.messages.ts codeMessages', 'src/app/phone/phone.messages.ts phoneMessages', 'src/app/screens/case-detail/case-detail.messages.ts caseDetailMessages', 'src/console/lib/common.messages.ts commonMessages']) {
    expect(names).toContain(expected);
  }
});

/**
 * The app's dictionaries share one lookup (`t`, src/app/i18n/index.ts): a key in two of them would
 * have the installing order pick a wording. The console's screens each read their own dictionary
 * through `translator`, and the report its own table (`word`); their keys are unique all the same,
 * so a key names one message wherever it is read. (Inside one file, `tsc` refuses a key written
 * twice.)
 */
const shared = dictionaries.filter((d) => d.name.startsWith('src/app/') && !d.name.startsWith('src/app/ui/report/'));

test('the desk installs every app dictionary, so each of them is in the one lookup', () => {
  const installed = new Set<unknown>(DESK_MESSAGES);
  expect(shared.filter((d) => !installed.has(d.entries)).map((d) => d.name)).toEqual([]);
});

test('no key is defined in two dictionaries anywhere: the app, the phone, the report and the console', () => {
  const where = new Map<string, { name: string; entry: Entry }[]>();
  for (const d of dictionaries) for (const [key, entry] of Object.entries(d.entries)) where.set(key, [...(where.get(key) ?? []), { name: d.name, entry }]);
  // A dictionary that spreads another (`...staffRoleMessages`) carries the same entries, not a second definition.
  const twice = [...where].filter(([, defs]) => new Set(defs.map((d) => d.entry)).size > 1).map(([key, defs]) => `${key}: ${defs.map((d) => d.name).join(', ')}`);
  expect(twice).toEqual([]);
});

test('zh-CN and English of every key of every dictionary name the same parameters', () => {
  const differ: string[] = [];
  for (const d of dictionaries) {
    for (const [key, entry] of Object.entries(d.entries)) {
      if (params(entry['zh-CN']).join() !== params(entry.en).join()) differ.push(`${d.name} ${key}: {${params(entry['zh-CN']).join(',')}} vs {${params(entry.en).join(',')}}`);
    }
  }
  expect(differ).toEqual([]);
});
