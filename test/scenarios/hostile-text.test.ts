import { expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { getCase, recordComplaint } from '../../src/store/cases';
import { saveExhibitor } from '../../src/store/exhibitors';
import { clerk, complaintInput } from '../store/case-fixtures';
import { exhibitorInput } from '../store/fixtures';
import { describeFleet } from '../support/fleet';

/** Text the server refuses (SY50–SY55, TX rules): each must be refused where it is typed. */
const HOSTILE = {
  nul: 'A\u0000B',
  loneSurrogate: 'A\uD800B',
  bidiOverride: 'A\u202EB',
  bidiIsolate: 'A\u2066B',
  del: 'A\u007FB',
  c1: 'A\u0085B',
} as const;
const CHINESE = '（深圳）充电宝，型号X1；外观近似。';

/**
 * Scenario (e): every hostile string through the tablet's entries (a complaint's item description,
 * an exhibitor's name) is refused with a field error and stores nothing; Chinese punctuation is
 * kept as typed. Then the tablets sync to the end: the same state on both, nothing stuck in an
 * outbox, nothing rejected by the server, every item there once.
 */
describeFleet('hostile text', (fleetOf) => {

  test('[SY55] refused at the entry, never stored, never stuck; Chinese punctuation kept through sync', { timeout: 180_000 }, async () => {
    const a = fleetOf().tablet('A');
    const b = fleetOf().tablet('B');
    const fair: Fair = await a.createFair();
    await a.enrol(fair.id, 'KA');
    await a.setUp(fair.id);
    const before = await a.outboxCount();

    for (const [name, text] of Object.entries(HOSTILE)) {
      const input = complaintInput(fair, a.now());
      const filed = await a.on(() => recordComplaint({ ...input, accusedItems: [{ ...input.accusedItems[0]!, description: text }] }, clerk, a.now()));
      expect(filed.ok, name).toBe(false);
      const saved = await a.on(() => saveExhibitor(fair.id, exhibitorInput(1, { nameZh: text }), a.now()));
      expect(saved.ok, name).toBe(false);
    }
    expect(await a.outboxCount()).toBe(before);

    const input = complaintInput(fair, a.now());
    const filed = await a.on(() => recordComplaint({ ...input, accusedItems: [{ ...input.accusedItems[0]!, description: CHINESE }] }, clerk, a.now()));
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    const caseId = filed.value.cases[0]!.id;
    await a.sync();
    await b.enrol(fair.id, 'KB');
    await fleetOf().settle([a, b]);

    expect([...(await a.shown())]).toEqual([...(await b.shown())]);
    expect(await b.on(async () => (await getCase(caseId))?.accusedItems[0]?.description)).toBe(CHINESE);
    expect(await a.outboxCount()).toBe(0);
    expect((await fleetOf().storage.rejected(fair.id)).records).toEqual([]);
    const items = (await fleetOf().storage.pull(fair.id, 0, 1000)).items;
    expect(new Set(items.map((p) => p.item.id)).size).toBe(items.length);
  });
});
