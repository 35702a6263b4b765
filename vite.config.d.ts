/**
 * One config for the app build and for vitest. Test projects mirror the layers:
 * - unit:   domain, store (fake-indexeddb), sync: Node, fast;
 * - server: the sync server against PGlite and a real PostgreSQL started by the setup;
 * - e2e:    playwright-core driving Debian's Chromium against the built app.
 */
declare const _default: import("vite").UserConfig & Promise<import("vite").UserConfig> & (import("vitest/config").ViteUserConfigFnObject & (import("vitest/config").ViteUserConfigFnPromise & import("vitest/config").ViteUserConfigExport));
export default _default;
