import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import * as phoneDictionary from '../../src/app/i18n/phone-dictionary';

/**
 * The phone loads only its own share of the messages (src/app/i18n/phone-dictionary.ts): every
 * message key that a module of the phone's entry says must be in that share, or the phone would
 * show the key itself. The modules are the phone entry's import graph, as the bundler sees it;
 * the keys are the literal `t('…')` calls, and every `t(`prefix.${…}`)` must name a prefix of
 * the share.
 */
async function phoneModules(): Promise<string[]> {
  const result = await build({
    entryPoints: ['src/app/phone/phone-main.tsx'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'phone-graph',
    jsx: 'preserve',
    logLevel: 'silent',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    plugins: [{ name: 'outside', setup: (b) => b.onResolve({ filter: /\?lang=|^virtual:|^node:/ }, (a) => ({ path: a.path, external: true })) }],
  });
  return Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/') && /\.tsx?$/.test(f) && !f.endsWith('.messages.ts') && !f.includes('/i18n/'));
}

const shareKeys = new Set(Object.values(phoneDictionary).flatMap((dictionary) => Object.keys(dictionary)));

test('every message key the phone\'s modules say is in the phone\'s share of the messages', async () => {
  const modules = await phoneModules();
  expect(modules).toContain('src/app/phone/phone-app.tsx');
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of modules) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([^']+)'/g)) literal.set(m[1] as string, file);
    for (const m of source.matchAll(/\bt\(\s*`([^`$]+)\$\{/g)) prefixes.set(m[1] as string, file);
  }
  expect(literal.size).toBeGreaterThan(20);
  const missing = [...literal].filter(([key]) => !shareKeys.has(key)).map(([key, file]) => `${key} (${file})`);
  const emptyPrefixes = [...prefixes].filter(([p]) => ![...shareKeys].some((k) => k.startsWith(p))).map(([p, file]) => `${p}… (${file})`);
  expect([...missing, ...emptyPrefixes]).toEqual([]);
});
