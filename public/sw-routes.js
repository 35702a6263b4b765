/* global self, URLPattern, console */
/**
 * Loaded by the generated service worker (vite.config.ts, workbox `importScripts`), before its
 * precache code. Budget P2 (test/bench/app.bench.ts): the app's hashed files under /assets/ are
 * precached under their own URL (no revision parameter), so the browser may answer them straight
 * from that cache with a static route, without running this worker's fetch handler for each of
 * the start's some twenty scripts (nor starting the worker for them). Navigations, the icons and
 * the manifest still go through workbox (index.html is kept under a revision key). A file the
 * precache lacks (the online-only console's chunks, an old build's chunk) goes to the network,
 * as workbox's route does with it.
 */
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function' || typeof URLPattern !== 'function') return;
  // workbox-core's precache cache name: prefix, `precache-v2`, the registration's scope.
  const cacheName = `workbox-precache-v2-${self.registration.scope}`;
  const routes = event.addRoutes({ condition: { urlPattern: new URLPattern({ pathname: '/assets/*' }) }, source: { cacheName } });
  // A browser that refuses the route keeps the fetch handler's answers: the install goes on.
  event.waitUntil(routes.catch((e) => console.warn('service worker static route refused', e)));
});
