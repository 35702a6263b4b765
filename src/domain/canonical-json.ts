import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Canonical JSON for content hashes (commitment `contentHash`, §8): object keys sorted by UTF-16
 * code unit order (as RFC 8785), no whitespace, `undefined` members dropped, numbers in
 * JavaScript's shortest form. Two devices serialising the same record get the same bytes.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      // Loops and one string, no arrays of entries: a pull checks tens of thousands of hashes (CM1).
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          out += `${i === 0 ? '' : ','}${v === undefined ? 'null' : canonicalJson(v)}`;
        }
        return `${out}]`;
      }
      // Only plain records: a Date or Map would silently serialise as `{}`.
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: not a plain object');
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, as RFC 8785 asks.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const k of keys) {
        const v = record[k];
        if (v === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
  }
}

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** SHA-256 (hex) of the canonical JSON of `value`. */
export const hashCanonical = (value: unknown): string => sha256Hex(canonicalJson(value));
