import type { Table } from 'dexie';
import { inWrite } from './transaction';

/**
 * Which of `keys` `table` holds: the primary keys between the least and the greatest of them, in
 * ONE request that reads no row. A page of records new to this tablet (a first sync) then costs
 * no read per record; only the rows it finds are read after (SY87: a snapshot's pages are new).
 */
export function heldKeys(table: Table<unknown, string>, keys: readonly string[]): Promise<Set<string>> {
  return inWrite(async () => {
    if (keys.length === 0) return new Set<string>();
    let lo = keys[0] as string;
    let hi = lo;
    for (const k of keys) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const wanted = new Set(keys);
    const held = await table.where(':id').between(lo, hi, true, true).primaryKeys();
    return new Set(held.filter((k) => wanted.has(k)));
  });
}
