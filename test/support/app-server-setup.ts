import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startServer } from '../../src/server/server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/**
 * Global setup of the browser tests: the real server serving the built app (`npm run build`), or
 * the build in `FAIRCASE_E2E_DIST` (an engineer's private build, beside others using `dist/`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = resolve(process.env.FAIRCASE_E2E_DIST ?? 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) throw new Error('Build the app first: npm run build');
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir });
  project.provide('appUrl', server.url);
  return () => server.close();
}
