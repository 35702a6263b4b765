/**
 * The organizer's console, in Debian's Chromium against the real server:
 * - "console tablets table, 200 tablets": from the tablets reply parsed in the page to the frame
 *   after its rows are in the document (`console-tablets-data` → `console-tablets-painted`), at 4×
 *   CPU throttling, median of several loads. The session and the fair are the server's; the
 *   tablets reply is a contract-valid `TabletTable` of 200 rows served to the page (enrolling 200
 *   tablets through their key proofs would measure the server, not the table). Goal ≤ 200 ms.
 * - "console entry JS gzipped": the console page's entry script and every script it imports
 *   statically (what loads before the first screen's chunk), gzipped with node:zlib. Goal ≤ 120 KB.
 * Needs the built app (`npm run build`; `npm run bench` builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ulid } from 'ulidx';
import { Fair } from '../../src/domain/fair';
import { TabletTable } from '../../src/domain/wire/console';
import { startServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { median, type BenchSuite, type Figure } from './figure';

const THROTTLE = 4;
const LOADS = 7;
const TABLETS = 200;
const round = (n: number): number => Math.round(n * 10) / 10;

/** The console entry's start: its HTML's module script and the static imports under it. */
export function consoleEntryFiles(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'src', 'console', 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error('no module script in dist/src/console/index.html');
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy,
    // except the console itself, which the entry (src/console/main.tsx) loads after asking the
    // server for the session: it is on every start, so it counts.
    for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) visit(join(dirname(file), m[1] ?? ''));
    for (const m of code.matchAll(/import\(\s*[`"'](\.{1,2}\/(?:[^`"']*\/)?console-app-[^`"']+\.js)[`"']\s*\)/g)) visit(join(dirname(file), m[1] ?? ''));
  };
  visit(entry);
  return [...seen];
}

/** 200 tablets in every state, as the server would answer (parsed with the contract). */
export function tabletsReply(fairId: string, now: number): TabletTable {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const kinds = ['in_sync', 'behind', 'silent', 'revoked'] as const;
  const letters = 'ABCDEFGHJKMNPQRT';
  return TabletTable.parse({
    type: 'tablets',
    fairId,
    thresholds: { behind: 15, silent: 60 },
    now: iso(now),
    tablets: Array.from({ length: TABLETS }, (_, i) => {
      const kind = kinds[i % 4] ?? 'in_sync';
      const seen = now - (kind === 'silent' ? 3 * 3600_000 : (i % 13) * 60_000);
      return {
        deviceId: ulid(now - i),
        deviceCode: `${letters[i % 16]}${letters[Math.floor(i / 16) % 16]}${i % 10}`,
        name: `展台平板 ${i + 1}`,
        role: i % 5 === 0 ? 'expert' : 'desk',
        enrolledAt: iso(now - 86_400_000 - i * 60_000),
        enrolledBy: { userId: ulid(now), name: '赵主办' },
        lastSeenAt: iso(seen),
        serverHasThroughSeq: 100 + i * 7,
        reported: { at: iso(seen), appVersion: '0.1.0', outboxCount: kind === 'behind' ? 12 : 0, lastError: i % 17 === 0 ? 'UNAVAILABLE' : null, ackedSeqThen: 100 + i * 7 },
        clockOffsetMs: ((i % 7) - 3) * 1500,
        state: kind === 'in_sync' ? { kind } : kind === 'revoked' ? { kind, at: iso(now - 600_000) } : { kind, since: iso(seen) },
        revocation: kind === 'revoked' ? { at: iso(now - 600_000), by: { userId: ulid(now), name: '赵主办' }, reason: '平板遗失' } : null,
        itemsAtRisk: kind === 'revoked' ? i % 3 : null,
      };
    }),
  });
}

export const consoleBench: BenchSuite = {
  name: 'console',
  async run(): Promise<readonly Figure[]> {
    const distDir = resolve(process.env.FAIRCASE_E2E_DIST ?? 'dist');
    if (!existsSync(join(distDir, 'src', 'console', 'index.html'))) throw new Error('Build the app first: npm run build');
    const files = consoleEntryFiles(distDir);
    const gz = files.reduce((s, f) => s + gzipSync(readFileSync(join(distDir, f))).length, 0);
    const raw = files.reduce((s, f) => s + readFileSync(join(distDir, f)).length, 0);

    const server = await startServer({ port: 0, host: '127.0.0.1', distDir });
    const browser = await launchChromium();
    try {
      const login = { name: 'bench-organizer', password: 'bench password 1' };
      await server.storage.createUser({ ...login, role: 'organizer' });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${server.url}/console/sign-in`);
      await page.waitForSelector('[data-testid=sign-in-form]');
      const today = new Date().toISOString().slice(0, 10);
      const fair = Fair.parse({ id: ulid(), code: 'CF139', nameZh: '第139届广交会', sessionNo: 139, days: [{ date: today, opensAt: '09:00', closesAt: '17:00' }] });
      const status = await page.evaluate(
        // No named helpers in here: tsx would wrap them in a `__name` the page does not have.
        async ({ login, fair }) => {
          const headers = { 'content-type': 'application/json' };
          const a = await fetch('/api/console/session', { method: 'POST', headers, body: JSON.stringify(login) });
          const b = await fetch('/api/console/fairs', { method: 'POST', headers, body: JSON.stringify({ fair }) });
          return [a.status, b.status];
        },
        { login, fair },
      );
      if (status[0] !== 200 || status[1] !== 201) throw new Error(`bench setup refused: ${status.join(', ')}`);
      const body = JSON.stringify(tabletsReply(fair.id, Date.now()));
      await page.route('**/api/console/fairs/*/tablets', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));

      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(`${server.url}/console/fairs/${fair.id}/tablets`);
        await page.waitForFunction(() => performance.getEntriesByName('console-tablets-painted').length > 0, undefined, { timeout: 60_000 });
        const rows = await page.locator('[data-testid=tablets-table] tbody tr').count();
        if (rows !== TABLETS) throw new Error(`${rows} rows drawn, not ${TABLETS}`);
        times.push(await page.evaluate(() => performance.measure('t', 'console-tablets-data', 'console-tablets-painted').duration));
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      return [
        {
          name: 'console tablets table, 200 tablets',
          value: round(median(times)),
          unit: 'ms',
          goal: { op: '<=', value: 200 },
          note: `median of ${LOADS} loads at ${THROTTLE}× CPU throttling, reply parsed → rows painted; max ${round(Math.max(...times))} ms; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
        },
        {
          name: 'console entry JS gzipped',
          value: round(gz / 1024),
          unit: 'KB',
          goal: { op: '<=', value: 120 },
          note: `${files.length} files, ${round(raw / 1024)} KB before gzip: ${files.map((f) => f.replace(/^assets\//, '')).join(', ')}`,
        },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
