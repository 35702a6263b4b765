/**
 * The P1 page: the real store (src/store) in Chromium, timed inside the page with
 * performance.now() so the CDP round trip is not counted. Each function returns one duration
 * per operation, in ms.
 */
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { Fair } from '../../../src/domain/fair';
import { FairId } from '../../../src/domain/ids';
import type { Instant } from '../../../src/domain/time';
import { getDb, setDbName } from '../../../src/store/db';
import { saveDraft } from '../../../src/store/drafts';
import { createFair } from '../../../src/store/fairs';
import type { NewFairInput } from '../../../src/store/fairs';

export interface StoreBenchApi {
  /** One `createFair` per run: zod parse, record + item + outbox row in one strict transaction. */
  durableSave(index: number): Promise<number>;
  /** The baseline: a raw Dexie `put` of the same record, strict durability. */
  rawPut(index: number): Promise<number>;
  /** Only the validation part of a save: the domain schema's parse of the same input. */
  parseOnly(index: number): Promise<number>;
  /** One `saveDraft` (the autosave on every keystroke). */
  draftSave(index: number): Promise<number>;
  /** Rows now in the store's tables, to check the saves really landed. */
  counts(): Promise<{ fairs: number; items: number; outbox: number; raw: number }>;
}

declare global {
  interface Window {
    storeBench?: StoreBenchApi;
  }
}

class RawDb extends Dexie {
  declare readonly fairs: Table<Fair, string>;
  constructor() {
    super('faircase-bench-raw', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ fairs: 'id' });
  }
}

const run = `${Date.now()}`;
setDbName(`faircase-bench-${run}`);
const raw = new RawDb();
const start = Date.parse('2025-04-15T01:00:00.000Z');
const instant = (i: number): Instant => new Date(start + i * 1000).toISOString() as Instant;

const input = (i: number): NewFairInput => ({
  code: `B${String(i).padStart(4, '0')}`.replace(/[IOSVZ]/g, '0'),
  nameZh: `第${i}届测试展会`,
  nameEn: `Bench fair ${i}`,
  sessionNo: 1 + (i % 9000),
  days: [
    { date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' },
    { date: '2025-04-16', opensAt: '09:00', closesAt: '17:00' },
  ],
});

/** The record the store writes for run i, kept so the raw put writes the same shape. */
const lastSaved: Fair[] = [];

window.storeBench = {
  async durableSave(i) {
    const t0 = performance.now();
    const r = await createFair(input(i), instant(i));
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`save failed: ${JSON.stringify(r.error)}`);
    lastSaved.push(r.value);
    return ms;
  },
  async rawPut(i) {
    const fair = lastSaved[lastSaved.length - 1];
    if (fair === undefined) throw new Error('run durableSave first');
    const record: Fair = { ...fair, id: FairId.parse(`${fair.id.slice(0, 20)}${String(i).padStart(6, '0')}`) };
    const t0 = performance.now();
    await raw.fairs.put(record);
    return performance.now() - t0;
  },
  async parseOnly(i) {
    const t0 = performance.now();
    const r = Fair.safeParse({ ...input(i), id: '01JS0000000000000000000000' });
    const ms = performance.now() - t0;
    if (!r.success) throw new Error('parse failed');
    return Promise.resolve(ms);
  },
  async draftSave(i) {
    const t0 = performance.now();
    const r = await saveDraft({ key: 'fair:new', form: 'fair-setup', data: input(i), updatedAt: instant(i), public: false });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`draft failed: ${JSON.stringify(r.error)}`);
    return ms;
  },
  async counts() {
    const db = getDb();
    return { fairs: await db.fairs.count(), items: await db.items.count(), outbox: await db.outbox.count(), raw: await raw.fairs.count() };
  },
};
document.title = 'ready';
