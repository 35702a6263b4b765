// ESLint for FairCase. Run from the repository root (`npm run lint`); with --config, file
// patterns are relative to the working directory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'zlib'];
const layer = (name) => [`**/${name}/*`, `**/${name}`, `../${name}/**`, `../../${name}/**`];

/** Any module of the store but its public one (`store/index`). */
const STORE_INSIDE = '^(\\.\\./)+store/(?!index$).+';

/**
 * The app: never the server; Dexie only in its live-query adapter; of the store, never the
 * database handle, the transaction or the local log (the store's own plumbing).
 */
const APP = {
  paths: ['hono', 'postgres', '@electric-sql/pglite', 'dexie', ...nodeBuiltins],
  patterns: ['dexie/*', ...layer('server')],
  regexes: ['^(\\.\\./)+store/(db|transaction|local-log)$'],
  why: 'app never imports the server, Dexie (but in lib/live-query.ts) or the store\'s database, transaction and local log',
};

/** Import boundaries of the layers (README.md): `app → sync → store → domain`, `server → domain`. */
const boundaries = {
  'src/domain/**': {
    paths: ['dexie', 'solid-js', 'hono', 'postgres', '@electric-sql/pglite', ...nodeBuiltins],
    patterns: ['solid-js/*', '@hono/*', ...layer('store'), ...layer('sync'), ...layer('app'), ...layer('server')],
    why: 'domain is pure: no DOM, Node, Dexie or Solid, and none of our other layers',
  },
  'src/store/**': {
    paths: ['solid-js', 'hono', 'postgres', ...nodeBuiltins],
    patterns: ['solid-js/*', ...layer('sync'), ...layer('app'), ...layer('server')],
    why: 'store imports domain only',
  },
  'src/sync/**': {
    paths: ['solid-js', 'hono', 'postgres', 'dexie', ...nodeBuiltins],
    patterns: ['solid-js/*', 'dexie/*', ...layer('app'), ...layer('server')],
    // The store's public module (`../store`, src/store/index.ts) and nothing behind it.
    regexes: [STORE_INSIDE],
    why: 'sync imports domain and the store\'s public module (src/store/index.ts) only; Dexie stays in the store',
  },
  'src/app/**': APP,
  // The app's one live-query adapter (every store read of a screen goes through it).
  'src/app/lib/live-query.ts': { ...APP, paths: APP.paths.filter((p) => p !== 'dexie'), patterns: APP.patterns.filter((p) => p !== 'dexie/*') },
  // A screen is a folder: the view takes accessors and callbacks; its `.data.ts` reads and writes the store.
  'src/app/screens/**/*.tsx': { ...APP, regexes: [...APP.regexes, '^(\\.\\./)+store(/|$)'], why: `${APP.why}; a screen view imports the store through its .data.ts` },
  'src/console/**': {
    paths: ['dexie', 'hono', 'postgres', '@electric-sql/pglite', ...nodeBuiltins],
    patterns: ['dexie/*'],
    // Relative paths only (`solid-js/store` is Solid's, not ours); of the app, only its widgets,
    // its i18n runtime, its messages files (data only) and the pure helpers named here.
    regexes: ['^(\\.\\./)+(store|sync|server)(/|$)', '^(\\.\\./)+app/(?!ui/|i18n/|.*\\.messages$|import/read-table$|lib/qr-code\\.chunk$|lib/field-errors$|zod-csp$|screens/fair-setup/fair-form$|screens/notices/notice-(document|model)$|screens/case-detail/timeline$|i18n/)'],
    why: 'the console is online only: domain, the app\'s ui widgets, i18n runtime, messages and pure helpers; never store, sync or dexie',
  },
  'src/server/**': {
    paths: ['dexie', 'solid-js'],
    patterns: ['solid-js/*', ...layer('store'), ...layer('sync'), ...layer('app')],
    why: 'server imports domain only',
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/app/**/*.ts', 'src/app/**/*.tsx', 'src/console/**/*.ts', 'src/console/**/*.tsx'],
    ...solid,
    languageOptions: { ...solid.languageOptions, globals: { ...globals.browser } },
  },
  { files: ['src/store/**', 'src/sync/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/server/**', 'test/**', 'vite.config.ts'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['src/domain/**'],
    rules: {
      // CS1, EN1: time is passed in; ids are generated outside the domain.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass `now` in: the domain has no clock.' }],
      'no-restricted-globals': ['error', { name: 'crypto', message: 'Ids and randomness come from outside the domain.' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the domain.' }],
    },
  },
  ...Object.entries(boundaries).map(([files, rule]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rule.paths.filter((p) => !p.includes('*')).map((name) => ({ name, message: rule.why })),
          patterns: [
            ...rule.paths.filter((p) => p.includes('*')).map((p) => ({ group: [p], message: rule.why })),
            ...rule.patterns.map((p) => ({ group: [p], message: rule.why })),
            ...(rule.regexes ?? []).map((regex) => ({ regex, message: rule.why })),
          ],
        },
      ],
    },
  })),
);
