import { resolve } from 'node:path';
import { startServer } from './server';

/** `npm start`: the built app and its API on one port. Settings come from the environment. */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const distDir = resolve(process.env.FAIRCASE_DIST ?? 'dist');

const server = await startServer({ port, host, distDir });
console.log(`FairCase is serving ${distDir} at ${server.url.replace('0.0.0.0', 'localhost')}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
