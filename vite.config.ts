import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * One config for the app build and for vitest. Test projects mirror the layers:
 * - unit:   domain, store (fake-indexeddb), sync: Node, fast;
 * - server: the sync server against PGlite and a real PostgreSQL started by the setup;
 * - e2e:    playwright-core driving Debian's Chromium against the built app.
 */

const appVersion = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

type Language = 'zh-CN' | 'en';

/** Runs a data-only module (messages, and files that re-export them) and returns its exports. */
function evaluate(file: string): Record<string, unknown> {
  const path = /\.tsx?$/.test(file) ? file : `${file}.ts`;
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(outputText, { module, exports: module.exports, require: (spec: string) => evaluate(resolve(dirname(path), spec)) });
  return module.exports;
}

/**
 * `import('./x?lang=en')` of a messages file (or of a file re-exporting several): one language of
 * its messages as a plain key → text object. The sources keep both languages of a key side by
 * side; the public phone form still downloads only the language it shows
 * (src/app/i18n/phone-messages.ts).
 */
function messagesLanguage(): Plugin {
  const PREFIX = '\0messages-lang:';
  return {
    name: 'faircase-messages-language',
    enforce: 'pre',
    resolveId: {
      filter: { id: /\?lang=(zh-CN|en)$/ },
      async handler(source, importer) {
        const m = /^(.*)\?lang=(zh-CN|en)$/.exec(source);
        if (m === null) return null;
        const resolved = await this.resolve(m[1]!, importer, { skipSelf: true });
        return resolved === null ? null : `${PREFIX}${m[2]}:${resolved.id}`;
      },
    },
    load: {
      filter: { id: /^\0messages-lang:/ },
      handler(id) {
        if (!id.startsWith(PREFIX)) return null;
        const lang = id.slice(PREFIX.length, id.indexOf(':', PREFIX.length)) as Language;
        const file = id.slice(PREFIX.length + lang.length + 1);
        const one: Record<string, string> = {};
        for (const messages of Object.values(evaluate(file))) {
          for (const [key, texts] of Object.entries(messages as Record<string, Record<Language, string>>)) one[key] = texts[lang];
        }
        // A JSON text, not an object literal: the engine parses it several times faster, and the
        // desk evaluates its dictionaries before its first render (P2).
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(one))});`;
      },
    },
  };
}

export default defineConfig({
  // CO11: the build's version, which each push reports to the organizer's console.
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    messagesLanguage(),
    solid(),
    VitePWA({
      // Fixed from day one: the worker's file name and scope never change, or a kiosk keeps the old worker.
      filename: 'sw.js',
      scope: '/',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'FairCase 展会知识产权投诉',
        short_name: 'FairCase',
        description: 'Offline IP complaint desk for trade fairs',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f7f9',
        theme_color: '#0b4f8a',
        icons: [
          // PNGs first: what older Android and iOS install from; Chromium takes the SVG at any size.
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Precache everything the app can show, lazy chunks included.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        // The organizer's console is online only: its page and chunks are never precached, and
        // the worker never answers its navigations with the kiosk's shell.
        globIgnores: ['src/console/**', 'assets/console/**', 'assets/console-*'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/console(\/|$)/],
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once, so a kiosk set up online works offline
        // without a reload. Updates still wait for the user (registerType 'prompt', no skipWaiting).
        clientsClaim: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // P2: hashed files are answered from the precache by a static route (public/sw-routes.js).
        importScripts: ['sw-routes.js'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    // JS is preloaded (<link rel=modulepreload>) only on the desk's start path: index.html
    // preloads the entry's own imports, and the entry's dynamic import of the desk app and of its
    // dictionaries preloads their imports, so each arrives in one round instead of a waterfall.
    // Vite names the host by its output file (`assets/main-….js`, `index.html`), not its source.
    // Elsewhere the browser's module loader finds it: at a start the shell's lazy parts (ticker,
    // sync, badges, the home screen) appended some 40 links in one task, which cost the start more
    // than they saved (P2). Their CSS is preloaded as before (Vite keeps it out of this list).
    modulePreload: {
      resolveDependencies: (file, deps, { hostId, hostType }) =>
        (hostType === 'html' && hostId === 'index.html') || (hostType === 'js' && /^assets\/main-[\w-]+\.js$/.test(hostId) && /^assets\/(app|desk-languages)-[\w-]+\.js$/.test(file)) ? deps : [],
    },
    // The console is a second page (served at /console/); its chunks go under assets/console/ so
    // the service worker's precache can leave them out (online only).
    rollupOptions: {
      input: { main: 'index.html', console: 'src/console/index.html' },
      output: {
        chunkFileNames: (chunk) => (chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => id.includes('/src/console/')) ? 'assets/console/[name]-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    // vite-plugin-solid would default the environment to jsdom; every project here runs in Node
    // (browser tests drive a real Chromium through playwright-core).
    environment: 'node',
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    // Vitest's default is one worker fewer than the cores, so a 2-core machine ran every file one
    // after another while the main process, which does little, kept the second core. Two workers
    // use both for the unit and server files. A project that keeps one worker runs in a group of
    // its own after the others: e2e (one file at a time, one Chromium each) comes last.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/domain/**/*.test.ts', 'test/app/**/*.test.ts', 'test/store/**/*.test.ts', 'test/sync/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/lint/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/fc-global-seed.ts'],
          // Property tests run hundreds of cases; a busy 2-core machine needs more than 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/scenarios/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-setup.ts'],
          setupFiles: ['test/support/fc-global-seed.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts', 'test/hostile/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/support/app-server-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The quick seeded fault run (`npm run proof` runs the full one and the
        // load test). It starts the real server as child processes, so it runs apart and alone.
        test: {
          name: 'proof',
          include: ['test/proof/**/*.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A group of its own, after the unit and server files and before e2e: its timings and
          // child processes do not share the cores with another test file.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
