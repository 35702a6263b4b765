import { createHash } from 'node:crypto';

/**
 * "Same id, same content?" is decided on a SHA-256 of the item's canonical JSON (keys sorted at
 * every level, no whitespace), so the key order a client happened to serialise in, or jsonb's
 * reordering in the database, never turns a duplicate into a conflict.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const contentHash = (value: unknown): string => sha256Hex(canonicalJson(value));
