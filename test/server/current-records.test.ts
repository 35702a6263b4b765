import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Exhibitor } from '../../src/domain/exhibitor';
import type { Fair } from '../../src/domain/fair';
import { latestPerEntity } from '../../src/domain/last-writer-wins';
import { exhibitorFigures } from '../../src/domain/report/service-figures';
import type { SyncItem } from '../../src/domain/sync-item';
import { currentRecords } from '../../src/server/reports/current-records';
import { serverSummary } from '../../src/server/reports/summary-service';
import type { Storage } from '../../src/server/storage/storage';
import { ulidOf } from '../support/builders';
import { arrivalOrder, expectedShown, LWW_SEED, shown, versionItems, versionSets } from '../support/version-sets';
import { bothStorages } from './both-storages';
import { makeOrganizer, newId } from './support';

/**
 * Last writer wins on the server (SY22, SY24): random sets of fair and exhibitor versions, each
 * pushed by its own tablet through the real push, in two random arrival orders (one fair each).
 * The records the reports read and the summary's R1 figures are the domain rule's, whatever the
 * order.
 */
console.log(`last-writer-wins server properties: seed ${LWW_SEED} (replay with LWW_SEED=${LWW_SEED})`);

const databases = bothStorages();
let worldNo = 0;

for (const { name, storage } of databases) describe(`last writer wins on ${name}`, () => {
  let organizer: string;
  beforeAll(async () => {
    organizer = (await makeOrganizer(storage())).userId;
  });

  /** A tablet of `fairId`: its device id. */
  const tablet = async (s: Storage, fairId: string): Promise<string> => {
    const { code } = await s.createEnrolment(organizer, { fairId, role: 'desk', ttlMinutes: 10 }, Date.now());
    return (await s.redeemEnrolment({ code, deviceName: 'Desk tablet' })).deviceId;
  };

  test('[SY22][SY24] any arrival order of the same versions: the reports read the domain rule’s fair and exhibitors, and count its booths', async () => {
    await fc.assert(
      fc.asyncProperty(
        versionSets.chain((specs) => fc.tuple(fc.constant(specs), fc.array(arrivalOrder(specs.length), { minLength: 2, maxLength: 2 }))),
        async ([specs, orders]) => {
          const s = storage();
          let expected: ReturnType<typeof expectedShown> | undefined;
          for (const order of orders) {
            worldNo++;
            const fairId = newId();
            const devices: string[] = [];
            for (let k = 0; k < specs.length; k++) devices.push(await tablet(s, fairId));
            // Ids in version order in every world: equal clocks are told apart the same way (SY21).
            const items = versionItems(specs, { fairId, itemId: (k) => ulidOf(worldNo * 100 + k + 1, '01J'), deviceId: (k) => devices[k] as string });
            expected ??= expectedShown(items);
            for (const k of order) {
              const item = items[k] as SyncItem;
              const pushed = await s.push({ deviceId: item.deviceId, fairId }, [item], Date.now());
              expect(pushed.kind === 'pushed' && pushed.results[0]?.status).toBe('applied');
            }
            const [fair] = await currentRecords<Fair>(s.sql, fairId, 'fair');
            const exhibitors = await currentRecords<Exhibitor>(s.sql, fairId, 'exhibitor');
            expect(shown(fair, exhibitors)).toEqual(expected);
            const winners = [...latestPerEntity(items).values()].filter((i) => i.kind === 'exhibitor').map((i) => i.payload as Exhibitor);
            const r1 = exhibitorFigures(winners, []);
            const figures = (await serverSummary(s.sql, fairId))?.summary.figures;
            expect({ exhibitors: figures?.['R1.exhibitors'], booths: figures?.['R1.booths'] }).toEqual({ exhibitors: r1['R1.exhibitors'], booths: r1['R1.booths'] });
          }
        },
      ),
      { seed: LWW_SEED, numRuns: 10 },
    );
  }, 300_000);
});
