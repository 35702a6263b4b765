/**
 * What an operator does to the fault run's server: a cold backup (server stopped, the PGlite
 * folder and its evidence folder copied, server started again), and a restore from it, marked
 * with `cli.ts restore-mark` as the README says, so the server answers with a new epoch.
 */
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ServerProcess } from './server-process';

/** `npx tsx src/server/cli.ts restore-mark` on a stopped server's PGlite folder. */
export function restoreMark(dataDir: string): Promise<string> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', resolve('src/server/cli.ts'), 'restore-mark'], {
      env: { ...process.env, FAIRCASE_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => (code === 0 ? ok(out.trim()) : fail(new Error(`restore-mark exited ${code}: ${out}`))));
  });
}

/** The server's evidence files live beside its PGlite folder (src/server/storage/storage.ts). */
const blobDir = (dataDir: string): string => `${dataDir}-blobs`;

export async function takeBackup(server: ServerProcess, dataDir: string, backupDir: string): Promise<void> {
  await server.stop();
  cpSync(dataDir, join(backupDir, 'pglite'), { recursive: true });
  cpSync(blobDir(dataDir), join(backupDir, 'pglite-blobs'), { recursive: true });
  await server.restart();
}

/** Puts the backup back in place of the live folders, marks the restore, starts the server. */
export async function restoreBackup(server: ServerProcess, dataDir: string, backupDir: string): Promise<string> {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(blobDir(dataDir), { recursive: true, force: true });
  cpSync(join(backupDir, 'pglite'), dataDir, { recursive: true });
  cpSync(join(backupDir, 'pglite-blobs'), blobDir(dataDir), { recursive: true });
  const said = await restoreMark(dataDir);
  await server.restart();
  return said;
}
