import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Global setup of the server tests: one real PostgreSQL server for the run (or DATABASE_URL). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given !== undefined) {
    project.provide('databaseUrl', given);
    return async () => {};
  }
  const pg = await startPostgres();
  project.provide('databaseUrl', pg.url);
  return () => pg.stop();
}
