import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { staticApp } from './http/static-app';
import { accountRoutes } from './http/account-routes';
import { adminRoutes } from './http/admin-routes';
import { blobRoutes } from './http/blob-routes';
import { bundleRoutes } from './http/bundle-routes';
import { syncRoutes } from './http/sync-routes';
import { relayRoutes } from './http/relay-routes';
import { publicIntakeRoutes } from './http/public-intake-routes';
import { consoleRoutes } from './console/console-routes';
import { reportRoutes } from './reports/report-routes';
import { securityHeaders } from './http/security-headers';
import { refuse } from './http/replies';
import { openStorage, type Storage, type StorageConfig } from './storage/storage';

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  /** The built app (vite's `dist`). */
  readonly distDir: string;
  /** Where the data lives. Absent: a throwaway in-memory PGlite (tests); `main.ts` passes the environment's. */
  readonly storage?: StorageConfig;
}

export interface RunningServer {
  readonly url: string;
  readonly storage: Storage;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly distDir: string;
  readonly storage: Storage;
  /** The server's clock (ms), for enrolment expiry and clock-skew warnings. */
  readonly now?: () => number;
}

/**
 * The whole HTTP surface: `/api/*` (Hono: small, typed, Web-standard `fetch` handlers that
 * tests call without a port) and the built app. Every handler is stateless; all state is in
 * the storage, so any number of instances can serve one PostgreSQL.
 */
export function createHttpApp(options: AppOptions): Hono {
  const now = options.now ?? Date.now;
  const app = new Hono();
  app.use('*', securityHeaders());
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/sync/relay', relayRoutes(options.storage));
  app.route('/api/sync', syncRoutes(options.storage, now));
  app.route('/api/blobs', blobRoutes(options.storage));
  app.route('/api/bundles', bundleRoutes(options.storage, now));
  app.route('/api/reports', reportRoutes(options.storage));
  app.route('/api/admin', adminRoutes(options.storage));
  // The organizer's console: cookie sessions, its own contract (src/domain/wire/console.ts).
  app.route('/api/console', consoleRoutes(options.storage, now));
  // PI1–PI9: the phones' online intake (public) and the desks' list of its drafts.
  app.route('/api', publicIntakeRoutes(options.storage));
  app.route('/api', accountRoutes(options.storage, now));
  app.all('/api/*', (c) => refuse(c, 404, 'NOT_FOUND'));
  app.route('/', staticApp(options.distDir));
  app.onError((e, c) => {
    if (isTransient(e)) {
      c.header('Retry-After', '1');
      return refuse(c, 503, 'UNAVAILABLE');
    }
    console.error(`FairCase ${c.req.method} ${c.req.path}:`, e);
    return refuse(c, 500, 'INTERNAL');
  });
  return app;
}

/**
 * Failures a client should simply retry (503): the database unreachable or restarting (SQLSTATE
 * class 08, 57P01–57P03), a cancelled statement (57014), a serialisation failure or deadlock
 * (40001, 40P01), too many connections (53300). Nothing was committed, so retrying is safe: pushes are idempotent.
 */
function isTransient(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^08/.test(code) || ['57014', '57P01', '57P02', '57P03', '40001', '40P01', '53300', 'ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT'].includes(code);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const storage = await openStorage(options.storage ?? { dataDir: 'memory://' });
  const app = createHttpApp({ distDir: options.distDir, storage });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      resolve({
        url: `http://${options.host}:${info.port}`,
        storage,
        close: async () => {
          await new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done())));
          await storage.close();
        },
      });
    });
  });
}
