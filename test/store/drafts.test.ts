/**
 * Drafts: put by key, round-trip exactly, local only ([CM3] drafts count nowhere:
 * no item, no outbox row).
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Instant } from '../../src/domain/time';
import { closeDb, getDb } from '../../src/store/db';
import { discardDraft, listDrafts, loadDraft, saveDraft } from '../../src/store/drafts';
import type { Draft } from '../../src/store/drafts';
import { clock, freshDb, resetDb } from './fixtures';

let now: () => Instant;
beforeEach(() => {
  freshDb('drafts');
  now = clock();
});
afterEach(resetDb);

const draft = (key: string, data: unknown, over: Partial<Draft> = {}): Draft => ({ key, form: 'fair-setup', data, updatedAt: now(), public: false, ...over });

test('a draft comes back exactly as it was saved, also after a reload', async () => {
  // Unicode, half-typed values, nested arrays, an empty string, a Date: what a form holds.
  const data = { code: 'CF1', nameZh: '第１３７届　广交会 ', days: [{ date: '2025-04-', opensAt: '' }], typedAt: new Date(0), flags: [true, false] };
  expect((await saveDraft(draft('fair:new', data))).ok).toBe(true);
  closeDb(); // a reload: a new connection reads what the old one wrote
  expect((await loadDraft('fair:new'))?.data).toEqual(data);
});

test('[CM3] saving a draft records no item and no outbox row', async () => {
  await saveDraft(draft('fair:new', { a: 1 }));
  expect(await getDb().items.count()).toBe(0);
  expect(await getDb().outbox.count()).toBe(0);
});

test('put by key: the latest keystroke wins', async () => {
  for (const text of ['C', 'CF', 'CF1', 'CF13']) await saveDraft(draft('fair:new', { code: text }));
  expect((await loadDraft('fair:new'))?.data).toEqual({ code: 'CF13' });
  expect(await listDrafts()).toHaveLength(1);
});

test('listDrafts by form, most recent first; discard removes one', async () => {
  await saveDraft(draft('fair:new', 1));
  await saveDraft(draft('exhibitor:new', 2, { form: 'exhibitor-edit', public: true }));
  await saveDraft(draft('fair:01JS0000000000000000000000', 3));
  expect((await listDrafts('fair-setup')).map((d) => d.key)).toEqual(['fair:01JS0000000000000000000000', 'fair:new']);
  expect((await listDrafts()).map((d) => d.data)).toEqual([3, 2, 1]);
  expect((await discardDraft('fair:new')).ok).toBe(true);
  expect(await loadDraft('fair:new')).toBeUndefined();
  expect(await listDrafts()).toHaveLength(2);
});

test('a malformed draft is refused as invalid and nothing is written', async () => {
  const r = await saveDraft({ key: '', form: 'x', data: 1, updatedAt: 'yesterday' as Instant, public: false });
  expect(new Set(r.ok ? [] : r.error.fields?.map((f) => f.field))).toEqual(new Set(['key', 'updatedAt']));
  expect(await listDrafts()).toEqual([]);
});
