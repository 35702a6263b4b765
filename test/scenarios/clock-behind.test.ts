import { expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { applyCaseCommand, recordComplaint } from '../../src/store/cases';
import { getExhibitor, saveExhibitor } from '../../src/store/exhibitors';
import { clerk, complaintInput, expert } from '../store/case-fixtures';
import { exhibitorInput } from '../store/fixtures';
import { describeFleet } from '../support/fleet';

const HOUR = 3_600_000;

/**
 * Scenario (a): tablet B's clock is 3 h behind. It pulls A's edit of an exhibitor and A's Accept
 * of a case, goes offline for a day, edits the exhibitor and withdraws the case an hour later
 * (by its clock, still before A's stamps), and syncs the next day. What B did after seeing A's
 * work must win and sort after it everywhere: on A, on B and in the server's reports.
 */
describeFleet('a tablet 3 h behind, offline a day,', (fleetOf) => {

  test('[SY11] an edit and a withdrawal made after seeing another tablet’s stamps win and sort after them on every tablet and the server', { timeout: 180_000 }, async () => {
    const a = fleetOf().tablet('A');
    const b = fleetOf().tablet('B', { clockOffsetMs: -3 * HOUR });
    const fair: Fair = await a.createFair();
    await a.enrol(fair.id, 'KA');
    await a.setUp(fair.id);
    const exhibitor = await a.on(async () => {
      const saved = await saveExhibitor(fair.id, exhibitorInput(1), a.now());
      if (!saved.ok) throw new Error(saved.error.kind);
      return saved.value;
    });
    const filed = await a.on(() => recordComplaint(complaintInput(fair, a.now()), clerk, a.now()));
    if (!filed.ok) throw new Error(filed.error.kind);
    const caseId = filed.value.cases[0]!.id;
    await a.sync();
    await b.enrol(fair.id, 'KB');
    await b.sync();
    await b.setUp(fair.id);

    // A, on time: a second booth for the exhibitor, and the case accepted.
    fleetOf().advance(10 * 60_000);
    await a.on(async () => {
      const edited = await saveExhibitor(fair.id, { ...exhibitorInput(1), id: exhibitor.id, booths: [...exhibitor.booths, { hall: '2.1', stand: 'B07' }] }, a.now());
      if (!edited.ok) throw new Error(edited.error.kind);
      const c = filed.value.cases[0]!;
      const checklist = c.checklist.filter((i) => i.required && i.status !== 'waived').map((i) => ({ code: i.code, required: true, status: 'verified' as const, originalSighted: true }));
      const accepted = await applyCaseCommand(caseId, { type: 'Accept', payload: { checklist } }, expert, a.now());
      if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    });
    await a.sync();
    fleetOf().advance(60_000);
    await b.sync();

    // B, an hour later by the hall, 2 h before A's stamps by its own clock, offline.
    fleetOf().advance(HOUR);
    await b.on(async () => {
      const seen = await getExhibitor(exhibitor.id);
      expect(seen?.booths).toHaveLength(2);
      const edited = await saveExhibitor(fair.id, { ...exhibitorInput(1), id: exhibitor.id, booths: [...(seen?.booths ?? []), { hall: '3.1', stand: 'C01' }] }, b.now());
      if (!edited.ok) throw new Error(edited.error.kind);
      const withdrawn = await applyCaseCommand(caseId, { type: 'Withdraw', payload: { reason: '已和解', signatureEvidenceId: '01JRZ8Q4W6M0000000000000V1' } }, clerk, b.now());
      if (!withdrawn.ok) throw new Error(JSON.stringify(withdrawn.error));
    });

    // The next day B comes back; everyone syncs to the end.
    fleetOf().advance(24 * HOUR);
    await fleetOf().settle([a, b]);

    const onA = await a.shown();
    const onB = await b.shown();
    expect([...onA]).toEqual([...onB]);
    expect(onA.get(`case ${caseId}`)).toMatch(/ CLOSED WITHDRAWN /);
    const booths = await a.on(async () => (await getExhibitor(exhibitor.id))?.booths.map((x) => `${x.hall}/${x.stand}`));
    expect(booths).toEqual(['1.1/A01', '2.1/B07', '3.1/C01']);
    expect((await fleetOf().serverCases(fair.id)).get(caseId)).toBe('closed WITHDRAWN');
    expect((await fleetOf().serverFigures(fair.id))['R1.booths']).toBe(3);
    expect(await a.outboxCount()).toBe(0);
    expect(await b.outboxCount()).toBe(0);
  });
});
