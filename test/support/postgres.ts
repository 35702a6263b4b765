/**
 * Starts a throwaway PostgreSQL server for tests and benches. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` system user, in a temporary data folder, on a
 * free loopback port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './ensure-system';

export interface TestPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });

function asPostgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export async function startPostgres(options: { fsync?: boolean } = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error('PostgreSQL is not installed (apt-get install postgresql).');
  const dir = mkdtempSync(join(tmpdir(), 'faircase-pg-'));
  chmodSync(dir, 0o700);
  const user = asPostgresUser();
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  const spawnOptions = user === undefined ? {} : { uid: user.uid, gid: user.gid };
  const data = join(dir, 'data');
  execFileSync(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale'], {
    ...spawnOptions,
    stdio: 'ignore',
  });
  const port = await freePort();
  const child: ChildProcess = spawn(
    `${bin}/postgres`,
    [
      '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
      '-c', `fsync=${options.fsync === true ? 'on' : 'off'}`, '-c', 'max_connections=200',
    ],
    { ...spawnOptions, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await waitForReady(bin, port, () => log, spawnOptions);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForReady(bin: string, port: number, log: () => string, opts: object): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      execFileSync(`${bin}/pg_isready`, ['-h', '127.0.0.1', '-p', String(port)], { ...opts, stdio: 'ignore' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not start:\n${log()}`);
}

/**
 * A fresh, empty database on the server at `url` (one per suite, so suites never see each
 * other's rows); returns its URL.
 */
export async function createDatabase(url: string, prefix = 'faircase_test'): Promise<string> {
  const { default: postgres } = await import('postgres');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
