import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatCaseNumber, type DeviceCode } from '../../src/domain/case/case-number';
import type { FairCode } from '../../src/domain/fair';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import { parseFields } from '../../src/domain/field-errors';
import { Text, normaliseFreeText, textProblem } from '../../src/domain/text';
import { PhonePayload } from '../../src/domain/wire/phone-payload';
import { PushAccepted } from '../../src/domain/wire/protocol';
import { encodeFrames } from '../../src/domain/wire/qr-frames';
import { createHandoffScan } from '../../src/app/screens/qr-handoff/handoff-scan';
import { recordComplaint } from '../../src/store/cases';
import { ComplaintInput } from '../../src/store/complaint-write';
import { getDb } from '../../src/store/db';
import { importBundle } from '../../src/sync/bundle/import-bundle';
import { clerk, complaintInput, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import { forgeBundle } from '../sync/bundle-forge';
import { Desk, caseId, deviceId, local } from '../support/builders';
import { fcSeed } from '../support/fc-seed';
import { makeItem, newId } from '../server/support';
import { phoneComplaint as phoneComplaintOf, type PhoneComplaintBody } from '../server/phone-complaint';
import { hostileString } from './arbitraries';
import { submitDraft } from '../../src/server/storage/public-drafts-store';
import { PublicDraftList } from '../../src/domain/wire/public-intake';
import { auth, openHarness, pushEnvelope, type Harness } from './http-harness';
import { isMessageKey, tIn } from './messages';

/**
 * SY50, SY55: one hostile string in one free-text field, through every entry: the desk's form
 * schema, the phone's payload, the QR hand-off, `recordComplaint`, a bundle from another tablet,
 * a push to the server and the public intake. Each entry takes exactly what the server's push
 * takes and refuses the rest, a text-rule refusal with its TX code; nothing refused is stored.
 */
const now = clock();
let h: Harness;
let fair: Fair;
let seq = 4; // the harness pushed seq 1–4 for its desk
let n = 0;
let address = 0;
const otherDevice = newId();
const trustProxy = process.env.FAIRCASE_TRUST_PROXY;

beforeAll(async () => {
  // Distinct client addresses, so the public intake's rate limit (PI3) never answers for the text.
  process.env.FAIRCASE_TRUST_PROXY = '1';
  h = await openHarness();
  freshDb('hostile-text');
  fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'K07');
}, 120_000);
afterAll(async () => {
  if (trustProxy === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
  else process.env.FAIRCASE_TRUST_PROXY = trustProxy;
  resetDb();
  await h.close();
});

type Target = 'description' | 'name';
const MARK: Record<Target, string> = { description: 'MARK-DESCRIPTION', name: 'MARK-NAME' };
const SCHEMA = { description: Text(1, 500, 'multi'), name: Text(1, 100) } as const;
const FIELD = { description: 'accusedItems.0.description', name: 'complainant.name' } as const;

/** `value` with the marker of `target` replaced by `s`, through JSON (a lone surrogate travels escaped). */
const inject = <T>(value: T, target: Target, s: string): T => JSON.parse(JSON.stringify(value).split(JSON.stringify(MARK[target])).join(JSON.stringify(s))) as T;
const marked = <T extends { complainant: object }>(v: T, target: Target): T =>
  target === 'name' ? { ...v, complainant: { ...v.complainant, name: MARK.name } } : v;

const phoneComplaint = (fairId: string): PhoneComplaintBody => phoneComplaintOf(fairId, [{ description: MARK.description, photos: [] }]);

interface Verdicts {
  readonly form: boolean;
  readonly phone: boolean;
  readonly qr: boolean;
  readonly recordComplaint: boolean;
  readonly bundle: boolean;
  readonly push: boolean;
  readonly publicIntake: boolean;
}

const stored = async (): Promise<number> => (await getDb().items.count()) + (await getDb().cases.count());

/** Every entry's verdict on `s` in `target`: true = taken (and stored, where the entry stores). */
async function throughEveryEntry(s: string, target: Target): Promise<Verdicts> {
  n += 1;
  const problem = textProblem(normaliseFreeText(s), target === 'description' ? 'multi' : 'single');
  // The desk's form: its field error is the text rule's code, on the field.
  const input = inject(marked(complaintInput(fair, now(), { accusedItems: [{ description: MARK.description, evidenceIds: [] }] }), target), target, s);
  const form = parseFields(ComplaintInput, input);
  if (!form.ok && problem !== undefined) expect(form.errors).toContainEqual({ field: FIELD[target], code: problem.code, params: { char: problem.char, at: problem.at } });

  const phoneJson = inject(marked(phoneComplaint(fair.id), target), target, s);
  const phone = PhonePayload.safeParse(phoneJson).success;

  const scan = createHandoffScan(() => fair.id);
  for (const frame of encodeFrames(JSON.stringify(phoneJson), 'normal')) scan.accept(frame);
  const qr = scan.payload() !== undefined;
  if (!qr && problem !== undefined) expect(scan.issues()).toEqual(['PAYLOAD_TEXT']);

  const before = await stored();
  const recorded = await recordComplaint(input, clerk, now());
  if (!recorded.ok) expect(await stored()).toBe(before);

  // Another tablet's Submit carrying `s`, in a bundle and in a push.
  const desk = new Desk(fair, local('2025-04-15 10:00'), deviceId(2), caseId(n), n * 10);
  const submit = marked({ complainant: { role: 'complainant', kind: 'entity', name: '福州某某科技有限公司', country: 'CN', uscc: '91350100M000100Y43', phone: '13800138000' } }, target);
  desk.must('Submit', { payload: { ...submit, caseNo: formatCaseNumber({ fair: fair.code as FairCode, device: 'K09' as DeviceCode, seq: n }), accusedItems: [{ description: MARK.description, evidenceIds: [] }] } });
  const event = inject(desk.events[0] as CaseEvent, target, s);
  const bundleItem = { ...makeItem({ deviceId: otherDevice, fairId: fair.id }, n), kind: 'case_event' as const, entityId: event.caseId, payload: event };
  const imported = await importBundle(forgeBundle({ fairId: fair.id, deviceId: otherDevice, items: [bundleItem] }));
  expect(imported.ok).toBe(true);
  const bundle = (await getDb().cases.get(event.caseId)) !== undefined;

  seq += 1;
  const pushed = inject({ ...makeItem(h.desk, seq), kind: 'case_event', entityId: event.caseId, payload: JSON.parse(JSON.stringify(desk.events[0]).split(fair.id).join(h.desk.fairId)) as unknown }, target, s);
  const res = await h.app.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', ...auth(h.desk.token) }, body: JSON.stringify(pushEnvelope(h.desk, [pushed])) });
  expect(res.status).toBe(200);
  const result = PushAccepted.parse(await res.json()).results[0];
  if (result?.status === 'rejected') expect(result.code).toBe('PAYLOAD_INVALID');

  address += 1;
  const intake = await h.app.request(`/api/public/fairs/${h.desk.fairId}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${address % 250}`, 'x-real-ip': String(address) },
    body: JSON.stringify(inject(marked(phoneComplaint(h.desk.fairId), target), target, s)),
  });
  expect([200, 201, 400, 422], await intake.clone().text()).toContain(intake.status);
  return { form: form.ok, phone, qr, recordComplaint: recorded.ok, bundle, push: result?.status === 'applied', publicIntake: intake.status < 300 };
}

/** What every entry must answer: the server's push verdict, which is the text rule's. */
const expectAgree = (v: Verdicts, s: string, target: Target): void => {
  const expected = SCHEMA[target].safeParse(s).success;
  expect(v.push, `push of ${JSON.stringify(s)}`).toBe(expected);
  expect(v, `entries on ${JSON.stringify(s)} in ${target}`).toEqual({ form: expected, phone: expected, qr: expected, recordComplaint: expected, bundle: expected, push: expected, publicIntake: expected });
};

const NAMED: readonly (readonly [string, string, Target])[] = [
  ['NUL', 'a\u0000b', 'description'],
  ['NUL in a name', '某公司\u0000', 'name'],
  ['SOH', '\u0001x', 'description'],
  ['ESC', 'x\u001b[31m', 'description'],
  ['CR', '第一行\r\n第二行', 'description'],
  ['DEL', 'x\u007f', 'name'],
  ['C1 NEL', 'x\u0085y', 'description'],
  ['C1 CSI', '\u009b31m', 'name'],
  ['lone high surrogate', 'x\ud800', 'description'],
  ['lone low surrogate', '\udc00x', 'name'],
  ['RLO', '\u202egnp.exe', 'name'],
  ['LRE', 'a\u202ab', 'description'],
  ['PDF', 'a\u202c', 'description'],
  ['RLI', 'a\u2067b\u2069', 'description'],
  ['FSI', '\u2068x', 'name'],
  ['tab in a name', '某\t公司', 'name'],
  ['newline in a name', '某\n公司', 'name'],
  ['tab and newline in a description', '第一行\n第二行\t二', 'description'],
  ['Chinese punctuation', '某公司（深圳），分公司；第一。', 'name'],
  ['LRM', 'a\u200eb', 'description'],
  ['astral', '𠮷野家', 'name'],
  ['markup', '<script>window.__pwned=1</script>', 'description'],
];

describe('[SY55] every entry refuses what the server refuses, with the same verdict', () => {
  test.each(NAMED)('[SY55] %s', async (_label, s, target) => {
    expectAgree(await throughEveryEntry(s, target), s, target);
  });

  test('[SY55] 150 hostile strings in a description or a name', async () => {
    const seed = fcSeed('[SY55]');
    await fc.assert(
      fc.asyncProperty(
        hostileString.filter((s) => s.length <= 600),
        fc.constantFrom<Target>('description', 'name'),
        async (s, target) => expectAgree(await throughEveryEntry(s, target), s, target),
      ),
      // Each run takes the next push sequence: a shrunk re-run would leave a gap.
      { seed, numRuns: 150, endOnFailure: true },
    );
  }, 300_000);
});

describe('[SY53] a phone complaint with a NUL', () => {
  test('[SY53] is refused at the QR hand-off with PAYLOAD_TEXT, worded in zh-CN and English', () => {
    const scan = createHandoffScan(() => fair.id);
    for (const frame of encodeFrames(JSON.stringify(inject(phoneComplaint(fair.id), 'description', '蓝牙耳机\u0000')), 'normal')) scan.accept(frame);
    expect(scan.payload()).toBeUndefined();
    expect(scan.issues()).toEqual(['PAYLOAD_TEXT']);
    expect(isMessageKey('qr.PAYLOAD_TEXT')).toBe(true);
    expect(tIn('zh-CN', 'qr.PAYLOAD_TEXT')).toContain('控制字符');
    expect(tIn('en', 'qr.PAYLOAD_TEXT')).toContain('control character');
    expect(tIn('zh-CN', 'err.CONTROL_CHARACTER', { char: 'U+0000' })).toContain('U+0000');
    expect(tIn('en', 'err.CONTROL_CHARACTER', { char: 'U+0000' })).toContain('U+0000');
  });

  test('[SY53] is refused by recordComplaint with the field error, and nothing is stored', async () => {
    const before = await stored();
    const r = await recordComplaint(complaintInput(fair, now(), { accusedItems: [{ description: '蓝牙耳机\u0000', evidenceIds: [] }] }), clerk, now());
    expect(r).toEqual({ ok: false, error: { kind: 'invalid', fields: [{ field: 'accusedItems.0.description', code: 'CONTROL_CHARACTER', params: { char: 'U+0000', at: 4 } }] } });
    expect(await stored()).toBe(before);
  });
});

describe('[SY54] public drafts kept before the text rule', () => {
  test('[SY54] a draft the rule now refuses is not listed; the others are', async () => {
    // As an earlier server kept it: stored without the rule (it would be refused today).
    const old = inject(phoneComplaint(h.desk.fairId), 'description', '蓝牙耳机\u202e');
    const kept = await submitDraft(h.storage.sql, old as never);
    const res = await h.app.request(`/api/public/fairs/${h.desk.fairId}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify(inject(phoneComplaint(h.desk.fairId), 'description', '蓝牙耳机（黑色）')),
    });
    expect(res.status).toBe(201);
    const list = PublicDraftList.parse(await (await h.app.request(`/api/intake/drafts?fair=${h.desk.fairId}`, { headers: auth(h.desk.token) })).json());
    const descriptions = list.drafts.map((d) => d.complaint.accusedItems[0]?.description);
    expect(descriptions).toContain('蓝牙耳机（黑色）');
    expect(list.drafts.map((d) => d.draftId)).not.toContain(kept.draftId);
  });
});
