import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { staticApp } from './http/static-app';

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  /** The built app (vite's `dist`). */
  readonly distDir: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export function createHttpApp(options: Pick<ServerOptions, 'distDir'>): Hono {
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/', staticApp(options.distDir));
  return app;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createHttpApp(options);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      resolve({
        url: `http://${options.host}:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
      });
    });
  });
}
