/**
 * A fair's own commitment wording through the store (REFERENCE.md CM10, CM11): the store numbers
 * each changed save, and a signed commitment keeps the wording it was signed under.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { clausesOf, fairClauseSet, type ClauseText } from '../../src/domain/commitment-templates';
import { exhibitorKey, type Exhibitor } from '../../src/domain/exhibitor';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { commitmentVersions, signCommitment } from '../../src/store/commitments';
import { getDb } from '../../src/store/db';
import { importExhibitors, listExhibitors } from '../../src/store/exhibitors';
import { getFair, updateFair, type NewFairInput } from '../../src/store/fairs';
import { EVIDENCE, setupDevice, setupFair } from './case-fixtures';
import { clock, exhibitorInput, freshDb, resetDb } from './fixtures';

const first: ClauseText[] = [
  { zh: '本单位不展示侵权展品。', en: 'We display no infringing goods.' },
  { zh: '服务台认定侵权的，本单位于两小时内撤展。', en: 'We remove goods within two hours when the desk so decides.' },
];
const second: ClauseText[] = [first[0]!, { zh: '服务台认定侵权的，本单位立即撤展（含包装）。', en: 'We remove goods at once, packaging included, when the desk so decides.' }];

let now: () => Instant;
let fair: Fair;
let exhibitor: Exhibitor;
beforeEach(async () => {
  freshDb('commitment-clauses');
  now = clock();
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
  const r = await importExhibitors(fair.id, [exhibitorInput(1)], now());
  if (!r.ok) throw new Error('exhibitors');
  exhibitor = (await listExhibitors(fair.id))[0]!;
});
afterEach(resetDb);

/** The fair as its form sends it, with the wording and whatever version number the form carried. */
const withWording = (f: Fair, clauses: ClauseText[] | undefined, formVersion = 1): NewFairInput => {
  const { id: _id, ...rest } = f;
  const { commitmentClauses: _old, ...settings } = f.settings;
  return { ...rest, settings: { ...settings, commitmentTemplate: clauses === undefined ? 'v2' : 'custom', ...(clauses === undefined ? {} : { commitmentClauses: { version: formVersion, clauses } }) } };
};

const save = async (clauses: ClauseText[] | undefined, formVersion?: number): Promise<Fair> => {
  const current = await getFair(fair.id);
  const r = await updateFair(fair.id, withWording(current!, clauses, formVersion), now());
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const sign = async (f: Fair, supersedes?: string) => {
  const set = fairClauseSet(f.settings);
  const r = await signCommitment(
    {
      fairId: f.id,
      exhibitorKey: exhibitorKey(exhibitor),
      booths: exhibitor.booths,
      templateVersion: set.templateVersion,
      ...(set.frozen === undefined ? {} : { clauses: set.frozen }),
      clausesAccepted: set.clauses.map((c) => c.code),
      signer: { name: '陈经理', title: '总经理', phone: '13800138000' },
      signatureEvidenceId: EVIDENCE[1],
      signedAt: now(),
      channel: 'kiosk',
      ...(supersedes === undefined ? {} : { supersedes }),
    },
    now(),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

test('[CM10] the store numbers each save of changed wording against the stored fair, whatever the form carried', async () => {
  expect(fair.settings.commitmentTemplate).toBe('v2');
  expect((await save(first, 9)).settings.commitmentClauses).toEqual({ version: 1, clauses: first });
  expect((await save(first, 1)).settings.commitmentClauses?.version).toBe(1);
  expect((await save(second, 1)).settings.commitmentClauses).toEqual({ version: 2, clauses: second });
  // A save choosing a built-in template sends no wording: the stored one stays for a later return.
  const builtIn = await save(undefined);
  expect([builtIn.settings.commitmentTemplate, builtIn.settings.commitmentClauses]).toEqual(['v2', { version: 2, clauses: second }]);
  const items = (await getDb().items.toArray()).filter((i) => i.kind === 'fair').map((i) => (i.payload as Fair).settings.commitmentClauses?.version);
  expect(items).toEqual([undefined, 1, 1, 2, 2]);
});

test('[CM11] a commitment keeps the wording it was signed under after the organizer changes it; the next one signs the new', async () => {
  const v1 = await sign(await save(first));
  const v2 = await sign(await save(second), v1.id);
  const [a, b] = await commitmentVersions(fair.id, exhibitorKey(exhibitor));
  expect([a?.templateVersion, b?.templateVersion]).toEqual(['custom-1', 'custom-2']);
  expect(clausesOf(a!).map((c) => c.zh)).toEqual(first.map((c) => c.zh));
  expect(clausesOf(b!).map((c) => c.en)).toEqual(second.map((c) => c.en));
  expect([a?.contentHash, b?.contentHash]).toEqual([v1.contentHash, v2.contentHash]);
});
