/**
 * Serves the repository with vite in dev (middleware) mode, so a page under test/ can import
 * the real src/store code and run it in Chromium: the store's browser tests and the P1 bench.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The pages served, relative to the repository root. */
export const STORE_TEST_PAGE = '/test/store/browser/store.html';
export const STORE_BENCH_PAGE = '/test/bench/pages/store.html';

export interface ServedRepo {
  readonly origin: string;
  close(): Promise<void>;
}

export async function serveRepo(): Promise<ServedRepo> {
  const vite = await createViteServer({
    configFile: false,
    root: ROOT,
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false },
    // Found up front, so vite never reloads a page to add a dependency mid-test.
    optimizeDeps: { entries: [STORE_TEST_PAGE.slice(1), STORE_BENCH_PAGE.slice(1)], include: ['dexie', 'zod', 'ulidx'] },
  });
  const http = createHttpServer(vite.middlewares);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => http.close(resolve));
      await vite.close();
    },
  };
}
