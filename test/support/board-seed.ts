/**
 * Board rows in bulk (DL8, P3): the denormalised `caseRows` the store keeps beside each
 * case, generated here and written straight into the page's IndexedDB in a few transactions, so
 * a browser test or the bench has 10,000 cases in seconds instead of 10,000 complaint saves.
 * The shape is the store's `CaseRow` (src/store/cases.ts); the case numbers are real (CN1–CN3).
 */
import type { Page } from 'playwright-core';
import { IP_TYPES } from '../../src/domain/codes';
import type { CaseState } from '../../src/domain/codes';
import { formatCaseNumber } from '../../src/domain/case/case-number';
import type { FairCode } from '../../src/domain/fair';
import type { DeviceCode } from '../../src/domain/case/case-number';
import { usccCheckChar } from '../../src/domain/validators/uscc';

export interface BoardSeed {
  readonly fairId: string;
  readonly count: number;
  /** Every n-th case (from the first) is overdue. */
  readonly overdueEvery: number;
  /** Put on every other case as its expert. */
  readonly expertId: string;
  readonly fairCode?: string;
  readonly deviceCode?: string;
  readonly nowMs?: number;
}

export const SEED_HALLS = ['1.1', '1.2', '2.1', '2.2'] as const;
const OPEN: readonly CaseState[] = ['RECEIVED', 'ACCEPTED', 'NOTIFIED', 'DETERMINED', 'MEASURES_ORDERED', 'INCOMPLETE'];
const KIND: Readonly<Partial<Record<CaseState, string>>> = {
  RECEIVED: 'acceptance',
  ACCEPTED: 'handover',
  NOTIFIED: 'defence',
  DETERMINED: 'reviewRequest',
  MEASURES_ORDERED: 'measure',
  INCOMPLETE: 'supplement',
};
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulidOf = (prefix: string, n: number): string => {
  let s = '';
  for (let v = n, i = 0; i < 10; i++, v = Math.floor(v / 32)) s = (CROCKFORD[v % 32] ?? '0') + s;
  return `${prefix}${'0'.repeat(26 - prefix.length - 10)}${s}`;
};
const iso = (ms: number): string => new Date(ms).toISOString();

export function boardRows(seed: BoardSeed): Record<string, unknown>[] {
  const now = seed.nowMs ?? Date.now();
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < seed.count; i++) {
    const hall = SEED_HALLS[i % SEED_HALLS.length] ?? '1.1';
    const closed = i % 10 === 9;
    const state: CaseState = closed ? 'CLOSED' : (OPEN[i % OPEN.length] ?? 'RECEIVED');
    const overdue = !closed && i % seed.overdueEvery === 0;
    const dueMs = overdue ? now - (i + 1) * 60_000 : now + (i + 1) * 7 * 60_000;
    const booth = `${hall}/A${String(i).padStart(4, '0')}`;
    const body = `9144030000${String(i).padStart(7, '0')}`;
    const uscc = `${body}${usccCheckChar(body)}`;
    const kind = KIND[state];
    // Every 11th case from the 6th has its window cut short by the fair's close (DL4; never handover).
    rows.push({
      id: ulidOf('01JCASE', i),
      fairId: seed.fairId,
      caseNo: formatCaseNumber({ fair: (seed.fairCode ?? 'CF137') as FairCode, device: (seed.deviceCode ?? 'K07') as DeviceCode, seq: i + 1 }),
      complaintId: ulidOf('01JCOMP', i),
      complainant: `投诉人${i % 7} Holder ${i % 7}`,
      complainantKey: `NAME:投诉人${i % 7} HOLDER ${i % 7}`,
      respondent: `被投诉公司${i}`,
      respondentKey: `CN:${uscc}`,
      booth,
      hall,
      state,
      ...(closed ? { outcome: 'NOT_ESTABLISHED' } : {}),
      ipTypes: [IP_TYPES[i % 5]],
      experts: i % 2 === 0 ? [seed.expertId] : [],
      flags: i % 13 === 0 ? ['REPEAT_RESPONDENT'] : [],
      ...(closed || kind === undefined
        ? {}
        : { nextDeadline: { kind, window: { hours: 24, clock: 'elapsed' }, startedAt: iso(dueMs - 24 * 3_600_000), dueAt: iso(dueMs), capped: kind !== 'handover' && i % 11 === 5 } }),
      receivedAt: iso(now - (i + 1) * 60_000),
      updatedAt: iso(now - (i + 1) * 30_000),
    });
  }
  return rows;
}

/** Writes the rows into the page's `caseRows` table, 2,000 per transaction. */
export async function seedBoardRows(page: Page, seed: BoardSeed): Promise<number> {
  const rows = boardRows(seed);
  for (let i = 0; i < rows.length; i += 2000) {
    await page.evaluate(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('faircase');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('caseRows', 'readwrite');
            const store = tx.objectStore('caseRows');
            for (const r of chunk) store.put(r);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      rows.slice(i, i + 2000),
    );
  }
  return rows.length;
}
