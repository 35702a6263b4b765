import { config } from 'zod/v4/core';

/**
 * Zod compiles object parsers with `new Function` when it may, and finds out by trying once when
 * the first object schema is built. Under the app's Content Security Policy (no 'unsafe-eval',
 * src/server/http/security-headers.ts) that try is blocked AND reported as a
 * `securitypolicyviolation`, although zod catches it. The app never needs compiled parsers (forms
 * and small payloads), so: jitless, set before any schema is built — this module is the first
 * import of main.tsx. The server keeps the compiled parsers (push ingest, budget P4).
 */
config({ jitless: true });
