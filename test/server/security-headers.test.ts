import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { makeOrganizer } from './support';

/**
 * The app and the API are served with a Content Security Policy without inline
 * script and with sensible headers — on every kind of answer (the app shell, a hashed asset, the
 * service worker, a JSON answer, a refusal, an unknown API path). test/e2e/headers-csp.e2e.ts
 * loads every screen in Chromium under this policy and records zero violations.
 *
 * HSTS: sent always (hono's default, 180 days, includeSubDomains). Browsers ignore it over plain
 * HTTP (RFC 6797 §8.1), so on the fair's LAN over http:// it does nothing, and behind TLS — served
 * directly or through a TLS-terminating proxy — it pins the browser to https from the first answer.
 */
let storage: Storage;
let app: Hono;
let organizer: { token: string };
let distDir: string;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'faircase-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-abcdefgh.js"></script></head><body></body></html>');
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'assets', 'index-abcdefgh.js'), 'export {};');
  writeFileSync(join(distDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir, storage });
  organizer = await makeOrganizer(storage);
});
afterAll(async () => {
  await storage.close();
});

const directives = (csp: string): Map<string, string[]> =>
  new Map(csp.split(';').map((d) => d.trim()).filter((d) => d !== '').map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name ?? '', values] as const;
  }));

const answers: { name: string; fetch: () => Response | Promise<Response> }[] = [
  { name: 'the app shell', fetch: () => app.request('/') },
  { name: 'a deep link (the shell again)', fetch: () => app.request('/cases/01J00000000000000000000000') },
  { name: 'a hashed script', fetch: () => app.request('/assets/index-abcdefgh.js') },
  { name: 'the service worker', fetch: () => app.request('/sw.js') },
  { name: 'health', fetch: () => app.request('/api/health') },
  { name: 'a JSON answer', fetch: () => app.request('/api/devices?fair=01J00000000000000000000000', { headers: { authorization: `Bearer ${organizer.token}` } }) },
  { name: 'a refusal', fetch: () => app.request('/api/sync/pull') },
  { name: 'an unknown API path', fetch: () => app.request('/api/no-such-thing', { headers: { authorization: `Bearer ${organizer.token}` } }) },
];

describe('every answer carries the policy and the headers', () => {
  for (const a of answers) {
    test(a.name, async () => {
      const res = await a.fetch();
      expect(res.status).toBeLessThan(500);
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      // Scripts from our origin only: no inline script, no eval, no other host.
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      for (const [name, values] of csp) {
        if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
        expect(values, name).not.toContain("'unsafe-eval'");
        expect(values, name).not.toContain('*');
      }
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('worker-src')).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // The camera for our own pages only (QR scanning, evidence photos); no microphone, no location.
      const permissions = res.headers.get('permissions-policy') ?? '';
      expect(permissions).toMatch(/(^|,\s*)camera=\(self\)(,|$)/);
      expect(permissions).toMatch(/(^|,\s*)microphone=\(\)(,|$)/);
      expect(permissions).toMatch(/(^|,\s*)geolocation=\(\)(,|$)/);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('server')).toBeNull();
    });
  }
});

describe('the built app has no inline script for the policy to block', () => {
  const built = resolve('dist');
  test.runIf(existsSync(join(built, 'index.html')))('no inline <script>, no on…= handler, no javascript: URL in any built HTML', () => {
    const pages = readdirSync(built, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages).toContain('index.html');
    for (const file of pages) {
      const html = readFileSync(join(built, file), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
        expect(tag, `${file}: ${tag.slice(0, 80)}`).toMatch(/^<script\b[^>]*\bsrc=[^>]*>\s*<\/script>$/);
      }
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, file).not.toMatch(/javascript:/i);
    }
  });
});
