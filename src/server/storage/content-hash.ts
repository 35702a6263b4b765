import { hash } from 'node:crypto';

/**
 * "Same id, same content?" is decided on a SHA-256 of the item's canonical JSON (keys sorted at
 * every level, no whitespace), so the key order a client happened to serialise in, or jsonb's
 * reordering in the database, never turns a duplicate into a conflict.
 */
export function canonicalJson(value: unknown): string {
  // It runs for every pushed item (budget P4). The usual item (plain objects and arrays, no
  // numeric keys) is copied with its keys in sorted order and written by the engine's own
  // JSON.stringify in one call. JSON.stringify writes integer-like keys first in numeric order,
  // calls toJSON and drops functions: a value where that could differ from the definition takes
  // the plain way below.
  const copy = sortedCopy(value);
  return copy === NOT_PLAIN ? plainCanonicalJson(value) : (JSON.stringify(copy) ?? 'null');
}

const NOT_PLAIN: unique symbol = Symbol('not plain JSON');

function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? NOT_PLAIN : value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = sortedCopy(value[i]);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[i] = v;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    // A digit first may be an array index (enumerated before other keys); `__proto__` is no own key on assignment.
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return NOT_PLAIN;
    const v = record[key];
    if (v === undefined) continue;
    const copied = sortedCopy(v);
    if (copied === NOT_PLAIN) return NOT_PLAIN;
    out[key] = copied;
  }
  return out;
}

/** Most records arrive with their keys in order already: checked in one pass, sorted only if not. */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
  }
  return keys;
}

/** The definition written out: every object's keys sorted, undefined members dropped. */
function plainCanonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (value[i] === undefined ? 'null' : plainCanonicalJson(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of sortedKeys(record)) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${plainCanonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** One-shot (no Hash object per call): the push hashes every item twice, for its content and its chain link (SY8). */
export const sha256Hex = (data: string | Uint8Array): string => hash('sha256', data, 'hex');

export const contentHash = (value: unknown): string => sha256Hex(canonicalJson(value));
