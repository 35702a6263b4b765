/**
 * Installs what the tests need from Debian when it is missing: Chromium (driven by
 * playwright-core; never a downloaded browser) and a PostgreSQL server. Runs before every
 * `npm test` and `npm run bench`; does nothing when both are there.
 */
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CHROMIUM = '/usr/bin/chromium';

export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : `${base}/${versions[0]}/bin`;
}

function aptInstall(packages: string[]): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${packages.join(', ')}: install with apt-get as root.`);
  }
  console.log(`Installing ${packages.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

const missing: string[] = [];
if (!existsSync(CHROMIUM)) missing.push('chromium', 'fonts-noto-cjk');
if (findPostgresBin() === undefined && process.env.DATABASE_URL === undefined) missing.push('postgresql');
// The summary report test reads the printed PDF's text with pdftotext (PS5).
if (!existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
if (missing.length > 0) aptInstall(missing);
