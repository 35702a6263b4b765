/**
 * Commitments: signing freezes the content under its hash (CM1); a change is
 * version + 1 superseding the current one (CM2); coverage by hall counts only current ones (CM3).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentHashOf } from '../../src/domain/commitment';
import { exhibitorKey } from '../../src/domain/exhibitor';
import type { Exhibitor } from '../../src/domain/exhibitor';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { commitmentCoverage, commitmentVersions, currentCommitmentOf, listCommitments, signCommitment } from '../../src/store/commitments';
import type { CommitmentInput } from '../../src/store/commitments';
import { getDb } from '../../src/store/db';
import { importExhibitors, listExhibitors } from '../../src/store/exhibitors';
import { CLAUSE_CODES } from '../../src/domain/commitment';
import { clock, exhibitorInput, freshDb, resetDb } from './fixtures';
import { EVIDENCE, setupDevice, setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
let exhibitors: Exhibitor[];
beforeEach(async () => {
  freshDb('commitments');
  now = clock();
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
  const r = await importExhibitors(fair.id, [exhibitorInput(1), exhibitorInput(2), exhibitorInput(3, { booths: [{ hall: '2.1', stand: 'B01' }] })], now());
  if (!r.ok) throw new Error('exhibitors');
  exhibitors = await listExhibitors(fair.id);
});
afterEach(resetDb);

const input = (e: Exhibitor, at: Instant, over: Partial<CommitmentInput> = {}): CommitmentInput => ({
  fairId: fair.id,
  exhibitorKey: exhibitorKey(e),
  booths: e.booths,
  templateVersion: 'v1',
  clausesAccepted: [...CLAUSE_CODES],
  declaredRights: [],
  signer: { name: '陈经理', title: '总经理', phone: '13800138000' },
  signatureEvidenceId: EVIDENCE[1],
  signedAt: at,
  channel: 'kiosk',
  ...over,
});
const ex = (i: number): Exhibitor => {
  const e = exhibitors[i];
  if (e === undefined) throw new Error(`exhibitor ${i}`);
  return e;
};

describe('signCommitment', () => {
  test('[CM1] a signed commitment carries the content hash of its canonical JSON; record, item and outbox land together', async () => {
    const at = now();
    const r = await signCommitment(input(ex(0), at), at);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ status: 'signed', version: 1, fairId: fair.id, exhibitorKey: exhibitorKey(ex(0)), signedAt: at });
    expect(r.value.supersedes).toBeUndefined();
    expect(r.value.contentHash).toBe(contentHashOf(r.value));
    const item = (await getDb().items.toArray()).find((i) => i.kind === 'commitment');
    expect(item).toMatchObject({ entityId: r.value.id, payload: r.value });
    expect(await getDb().outbox.get(item?.id ?? '')).toEqual(item);
  });

  test('[CM2] a change is version + 1 superseding the current one; the current is the latest not superseded', async () => {
    const key = exhibitorKey(ex(0));
    const v1 = await signCommitment(input(ex(0), now()), now());
    if (!v1.ok) throw new Error('v1');
    const v2 = await signCommitment(input(ex(0), now(), { supersedes: v1.value.id, signer: { name: '陈经理', title: '副总经理', phone: '13800138000' } }), now());
    if (!v2.ok) throw new Error(JSON.stringify(v2.error));
    expect(v2.value).toMatchObject({ version: 2, supersedes: v1.value.id });
    expect(await currentCommitmentOf(key, fair.id)).toEqual(v2.value);
    // Without a fair id, the device's fair is meant.
    expect(await currentCommitmentOf(key)).toEqual(v2.value);
    expect((await commitmentVersions(fair.id, key)).map((c) => c.version)).toEqual([1, 2]);
    // CM1: version 1 is still there, unchanged.
    expect(await getDb().commitments.get(v1.value.id)).toEqual(v1.value);
    // A save made from a stale screen (it still shows v1 as current) is refused, nothing written.
    const stale = await signCommitment(input(ex(0), now(), { supersedes: v1.value.id }), now());
    expect(stale.ok ? undefined : stale.error.fields?.[0]).toMatchObject({ field: 'supersedes', code: 'INVALID_VALUE' });
    expect(await getDb().commitments.count()).toBe(2);
  });

  test('[CM4] every clause must be ticked; bad fields are named; nothing is written', async () => {
    const before = await getDb().items.count();
    const clauses = await signCommitment(input(ex(0), now(), { clausesAccepted: ['CL1', 'CL2'] }), now());
    expect(clauses.ok ? undefined : clauses.error.fields).toEqual([{ field: 'clausesAccepted', code: 'CLAUSES_NOT_ACCEPTED', params: { missing: 'CL3,CL4,CL5,CL6,CL7,CL8,CL9' } }]);
    const bad = await signCommitment(input(ex(0), now(), { signer: { name: '', title: 'x', phone: '123' }, booths: [] }), now());
    expect(bad.ok ? [] : (bad.error.fields ?? []).map((f) => f.field).sort()).toEqual(['booths', 'signer.name', 'signer.phone']);
    const scan = await signCommitment(input(ex(0), now(), { channel: 'paper_scan' }), now());
    expect(scan.ok ? undefined : scan.error.fields?.[0]?.field).toBe('scanCheckedBy');
    expect(await getDb().commitments.count()).toBe(0);
    expect(await getDb().items.count()).toBe(before);
  });
});

describe('coverage', () => {
  test('[CM3] by hall, each exhibitor with its current commitment or none', async () => {
    const v1 = await signCommitment(input(ex(0), now()), now());
    if (!v1.ok) throw new Error('sign');
    const v2 = await signCommitment(input(ex(0), now(), { supersedes: v1.value.id }), now());
    if (!v2.ok) throw new Error('sign 2');
    const coverage = await commitmentCoverage(fair.id);
    expect(coverage.map((h) => h.hall)).toEqual(['1.1', '2.1']);
    expect(coverage[0]?.exhibitors.map((x) => [x.exhibitor.id, x.commitment?.id])).toEqual([
      [ex(0).id, v2.value.id],
      [ex(1).id, undefined],
    ]);
    expect(coverage[1]?.exhibitors.map((x) => x.commitment)).toEqual([undefined]);
    expect((await listCommitments(fair.id)).map((c) => c.version)).toEqual([1, 2]);
  });
});
