import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * Every reference in the repo's code resolves inside the repo: no comment cites an issue number
 * or a document that is not in the repo, and every rule ID a comment cites is defined in a SPEC or
 * REFERENCE file (`src/domain/REFERENCE.md` lists them all). Both checks read the files' text, in
 * src and in what tests, builds, runs and describes it: test, vite.config.ts, .ci and README.md.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const TEXT_FILES = ['.ts', '.tsx', '.css', '.md', '.html', '.json'];
/** Outside src, the files that hold code and comments; JSON there is a bench run's git-ignored output. */
const CODE_FILES = ['.ts', '.tsx', '.js', '.mjs', '.css', '.md', '.html'];

/** Repo-relative paths under `dir` whose names end in one of `suffixes` (every file without). */
function filesUnder(dir: string, suffixes?: readonly string[]): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && (suffixes === undefined || suffixes.some((s) => e.name.endsWith(s))))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const srcFiles = (): string[] => filesUnder('src', TEXT_FILES);

/** This file names the documents it forbids; it is left out of the line checks only. */
const SELF = 'test/domain/references.test.ts';
const outsideSrcFiles = (): string[] => [...filesUnder('test', CODE_FILES), 'vite.config.ts', ...filesUnder('.ci'), 'README.md'];

/** The checked places: src (every rule file lives there), and what tests, builds, runs and describes it. */
const SCOPES: readonly (readonly [string, () => string[]])[] = [
  ['src', srcFiles],
  ['test, vite.config.ts, .ci and README.md', outsideSrcFiles],
];

const read = (file: string): string => readFileSync(join(root, file), 'utf8');

/** `file:line: text` for every line matching `pattern` in `files`. */
function linesMatching(files: readonly string[], pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const file of files.filter((f) => f !== SELF)) {
    read(file)
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

/**
 * The rule-ID prefixes of the repo's SPEC and REFERENCE files. Left out on purpose: `P` (bench
 * figures P1–P7, defined by the bench), `N` (notice names N1–N4, which NO3–NO6 describe), `FC`
 * (the QR frame tag) and the checklist codes (`GEN-01`), which are data, not rules.
 */
const PREFIXES = [
  'GL', 'EN', 'VA', 'FS', 'LC', 'RD', 'CD', 'CM', 'PS', 'NO', // src/domain/REFERENCE.md
  'CS', 'DL', 'RP', 'CN', // src/domain/case/SPEC.md
  'R', // src/domain/report/SPEC.md
  'A', 'AR', // src/domain/report/ANNUAL-SPEC.md
  'TX', // src/domain/TEXT-SPEC.md
  'QR', 'BN', 'PI', // src/domain/wire: QR-SPEC.md, BUNDLE-SPEC.md, public-intake.ts
  'SY', // src/sync/SPEC.md
  'CO', 'CB', // src/server/CONSOLE-SPEC.md
];
const ID = /\b([A-Z]{1,2})([1-9]\d{0,2})\b/g; // A01 is a booth, not a rule

/** IDs a file defines: `**CS8**` in a SPEC's list (markdown, or a header comment like PI1). */
function definedIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of srcFiles()) {
    for (const m of read(file).matchAll(/\*\*([A-Z]{1,2}\d{1,3})\*\*/g)) ids.add(m[1] as string);
  }
  return ids;
}

/** The comments of a source file; a markdown file is all comment; a shell script's are `#` lines. */
function commentsOf(file: string): string {
  const text = read(file);
  if (file.endsWith('.md')) return text;
  if (file.startsWith('.ci/')) return [...text.matchAll(/^\s*#[^\n]*/gm)].map((m) => m[0]).join('\n');
  const blocks = [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]);
  const lines = file.endsWith('.css') ? [] : [...text.matchAll(/(?<![:'"`\\])\/\/[^\n]*/g)].map((m) => m[0]);
  return [...blocks, ...lines].join('\n');
}

describe.each(SCOPES)('references in %s', (_name, files) => {
  test('no line cites an issue number or DOMAIN.md', () => {
    expect(linesMatching(files(), /issue [0-9]|DOMAIN\.md/i)).toEqual([]);
  });

  test('no line cites STYLE.md, ARCHITECTURE.md or ../shared', () => {
    expect(linesMatching(files(), /STYLE\.md|ARCHITECTURE\.md|\.\.\/shared/)).toEqual([]);
  });

  test('every rule ID a comment cites is defined in a SPEC or REFERENCE file', () => {
    const defined = definedIds();
    const undefinedCitations: string[] = [];
    for (const file of files()) {
      for (const m of commentsOf(file).matchAll(ID)) {
        const [id, prefix] = [m[0], m[1] as string];
        if (PREFIXES.includes(prefix) && !defined.has(id)) undefinedCitations.push(`${file}: ${id}`);
      }
    }
    expect([...new Set(undefinedCitations)]).toEqual([]);
  });
});

describe('references in src', () => {
  test('the known prefixes each define at least one rule', () => {
    const defined = [...definedIds()];
    expect(PREFIXES.filter((p) => !defined.some((id) => new RegExp(`^${p}\\d`).test(id)))).toEqual([]);
  });
});
