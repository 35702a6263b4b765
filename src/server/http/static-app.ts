import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Serves the built PWA. The service worker and the HTML must never be cached by HTTP, or a
 * kiosk would keep an old worker forever; hashed assets
 * are immutable.
 */
export function staticApp(distDir: string): Hono {
  const app = new Hono();
  const root = relative(process.cwd(), distDir) || '.';
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (path, c) => {
        if (/\/assets\/.+-[\w-]{8,}\.\w+$/.test(path)) {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        } else {
          c.header('Cache-Control', 'no-cache');
        }
      },
    }),
  );
  // The organizer's console: its own page (a second input of the build), for every path under
  // /console/ (it routes on the client). Online only: the service worker leaves it alone.
  app.get('/console', (c) => c.redirect('/console/'));
  app.get('/console/*', async (c) => {
    const html = await readFile(join(distDir, 'src', 'console', 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  // Single-page app: any other GET that is not an API call gets the shell.
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const html = await readFile(join(distDir, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  return app;
}
