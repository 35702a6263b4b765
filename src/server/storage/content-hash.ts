import { createHash } from 'node:crypto';

/**
 * "Same id, same content?" is decided on a SHA-256 of the item's canonical JSON (keys sorted at
 * every level, no whitespace), so the key order a client happened to serialise in, or jsonb's
 * reordering in the database, never turns a duplicate into a conflict.
 */
export function canonicalJson(value: unknown): string {
  // Written with plain loops and string concatenation: it runs for every pushed item (P4).
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Most records arrive with their keys in order already: checked in one pass, sorted only if not.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const contentHash = (value: unknown): string => sha256Hex(canonicalJson(value));
