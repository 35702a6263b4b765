/**
 * The real sync server (`src/server/main.ts`, the same entry point as `npm start`) as a child
 * process, so that the proof runs can kill it for real (SIGKILL: no shutdown hook, a push
 * transaction cut wherever it is) and start it again on the same data. One process, not the
 * `tsx` wrapper (which forks a second node that a kill of the first would leave running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../support/postgres';

export interface ServerProcessOptions {
  /** PGlite's folder (the server's FAIRCASE_DATA_DIR), or … */
  readonly dataDir?: string;
  /** … a PostgreSQL URL (DATABASE_URL). */
  readonly databaseUrl?: string;
  /** 0 or absent: a free loopback port, kept across restarts. */
  readonly port?: number;
  /** Creates the organizer's first account at start (FAIRCASE_ORGANIZER_*). */
  readonly organizer?: { readonly name: string; readonly password: string };
  /** Server log lines (stdout and stderr), for a failing run's report. */
  readonly log?: (line: string) => void;
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  /** True while the child runs. */
  readonly alive: boolean;
  /** SIGKILL, then waits for the exit: nothing of the server's shutdown path runs. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes its storage), then waits for the exit. */
  stop(): Promise<void>;
  /** A new process on the same port and data. */
  restart(): Promise<void>;
}

const MAIN = resolve('src/server/main.ts');
const STARTUP_MS = 60_000;

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    FAIRCASE_DIST: resolve('dist'),
    ...(options.databaseUrl === undefined ? { FAIRCASE_DATA_DIR: options.dataDir } : { DATABASE_URL: options.databaseUrl }),
    ...(options.organizer === undefined ? {} : { FAIRCASE_ORGANIZER_NAME: options.organizer.name, FAIRCASE_ORGANIZER_PASSWORD: options.organizer.password }),
  };
  if (options.databaseUrl === undefined) delete env.DATABASE_URL;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async (): Promise<void> => {
    const proc = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    exited = new Promise<void>((done) => proc.once('exit', () => done()));
    let output = '';
    const ready = new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start in ${STARTUP_MS} ms:\n${output}`)), STARTUP_MS);
      const onData = (chunk: Buffer): void => {
        const text = chunk.toString();
        output += text;
        for (const line of text.split('\n')) if (line.trim() !== '') options.log?.(line);
        if (output.includes('FairCase is serving')) {
          clearTimeout(timer);
          ok();
        }
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`server exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    await ready;
  };

  const wait = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    await exited;
  };

  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get alive() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    kill: () => wait('SIGKILL'),
    stop: () => wait('SIGTERM'),
    restart: async () => {
      await wait('SIGTERM');
      await launch();
    },
  };
}
