import { resolve } from 'node:path';
import { startServer } from './server';
import { storageConfigFromEnv } from './storage/storage';
import { survivePostgresJsNullSocket } from './storage/postgres';

/**
 * `npm start`: the built app and its API on one port. Settings come from the environment:
 * PORT, HOST, FAIRCASE_DIST; DATABASE_URL (PostgreSQL) or FAIRCASE_DATA_DIR (PGlite, default
 * ./data/pglite); FAIRCASE_ORGANIZER_PASSWORD (+ FAIRCASE_ORGANIZER_NAME, default `organizer`)
 * creates the organizer's first account when it does not exist yet.
 */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const distDir = resolve(process.env.FAIRCASE_DIST ?? 'dist');
const storageConfig = storageConfigFromEnv();
if (storageConfig.databaseUrl !== undefined && storageConfig.databaseUrl !== '') survivePostgresJsNullSocket();

const server = await startServer({ port, host, distDir, storage: storageConfig });
const organizerPassword = process.env.FAIRCASE_ORGANIZER_PASSWORD;
if (organizerPassword !== undefined && organizerPassword !== '') {
  const name = process.env.FAIRCASE_ORGANIZER_NAME ?? 'organizer';
  if (await server.storage.ensureOrganizer(name, organizerPassword)) console.log(`Created the organizer account "${name}".`);
}
const where = server.storage.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${storageConfig.dataDir}`;
console.log(`FairCase is serving ${distDir} at ${server.url.replace('0.0.0.0', 'localhost')}, data in ${where}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
