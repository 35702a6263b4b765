import { MAX_KEPT_HEAD_BYTES } from '../../domain/wire/protocol';
import { canonicalJson } from './content-hash';

/** The columns a set-aside item is stored as (SY63): never the whole item, whatever its size. */
export interface KeptColumns {
  readonly item_head: string;
  readonly item_sha256: string;
  readonly item_bytes: number;
}

/**
 * The first MAX_KEPT_HEAD_BYTES of the item's canonical JSON, cut back to a whole character;
 * `hash` is its content hash, the SHA-256 of that same JSON (content-hash.ts).
 */
export function keptColumns(item: unknown, hash: string): KeptColumns {
  const json = canonicalJson(item);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= MAX_KEPT_HEAD_BYTES) return { item_head: json, item_sha256: hash, item_bytes: bytes };
  // Every character is at least one byte: the head lies within the first MAX_KEPT_HEAD_BYTES characters.
  let chars = json.slice(0, MAX_KEPT_HEAD_BYTES);
  if (/[\uD800-\uDBFF]$/.test(chars)) chars = chars.slice(0, -1);
  const encoded = Buffer.from(chars, 'utf8');
  let end = Math.min(encoded.length, MAX_KEPT_HEAD_BYTES);
  // Back off continuation bytes (10xxxxxx) so the cut falls between two characters.
  while (end > 0 && end < encoded.length && ((encoded[end] ?? 0) & 0xc0) === 0x80) end--;
  return { item_head: encoded.subarray(0, end).toString('utf8'), item_sha256: hash, item_bytes: bytes };
}
