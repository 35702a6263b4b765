import { describe, expect, test } from 'vitest';
import { completenessGate, CompletenessReply } from '../../../src/domain/report/completeness';
import type { Instant } from '../../../src/domain/time';

/** PS2: the completeness gate from the server's device list and this tablet's outbox. */
const CLOSE = '2025-04-19T09:00:00.000Z' as Instant;
const ME = '01D00000000000000000000001';
const reply = (devices: object[]): CompletenessReply =>
  CompletenessReply.parse({ type: 'completeness', fairId: '01F00000000000000000000001', devices });
const dev = (n: number, over: object = {}) => ({
  deviceId: `01D0000000000000000000000${n}`,
  deviceCode: `A${n}`,
  name: `Tablet ${n}`,
  role: 'desk',
  ackedSeq: 800 + n,
  lastSeenAt: '2025-04-19T10:00:00.000Z',
  revoked: false,
  ...over,
});

describe('completeness gate', () => {
  test('every device synced after the close and nothing left here: complete, not provisional', () => {
    const g = completenessGate(reply([dev(1), dev(2), dev(3)]), { deviceId: ME, lastSeq: 801, unsynced: 0 }, CLOSE);
    expect(g.lines.map((l) => [l.deviceCode, l.status, l.thisDevice])).toEqual([
      ['A1', 'complete', true],
      ['A2', 'complete', false],
      ['A3', 'complete', false],
    ]);
    expect(g.provisional).toBe(false);
    expect(g.lines[2]?.ackedSeq).toBe(803);
  });

  test('this tablet still holds items: unsynced, provisional', () => {
    const g = completenessGate(reply([dev(1), dev(2)]), { deviceId: ME, lastSeq: 805, unsynced: 4, oldestUnsynced: '2025-04-19T08:00:00.000Z' as Instant }, CLOSE);
    expect(g.lines[0]).toMatchObject({ status: 'unsynced', unsynced: 4, oldestUnsynced: '2025-04-19T08:00:00.000Z' });
    expect(g.provisional).toBe(true);
  });

  test('another tablet last seen before the desk closed may hold unsynced data: provisional; one never seen likewise', () => {
    const g = completenessGate(reply([dev(1), dev(2, { lastSeenAt: '2025-04-19T08:59:59.000Z' }), dev(3, { lastSeenAt: undefined, ackedSeq: 0 })]), { deviceId: ME, lastSeq: 801, unsynced: 0 }, CLOSE);
    expect(g.lines.map((l) => l.status)).toEqual(['complete', 'not-since-close', 'not-since-close']);
    expect(g.provisional).toBe(true);
  });

  test('a revoked tablet is listed but does not hold the export back', () => {
    const g = completenessGate(reply([dev(1), dev(2, { revoked: true, lastSeenAt: '2025-04-16T08:00:00.000Z' })]), { deviceId: ME, lastSeq: 801, unsynced: 0 }, CLOSE);
    expect(g.lines.map((l) => l.status)).toEqual(['complete', 'revoked']);
    expect(g.provisional).toBe(false);
  });

  test('the server cannot be reached: the list is unknown, this tablet is listed from its outbox, provisional even with nothing unsent', () => {
    const g = completenessGate(undefined, { deviceId: ME, deviceName: '总结台', shortCode: 'K07', lastSeq: 12, unsynced: 0 }, CLOSE);
    expect(g.listKnown).toBe(false);
    expect(g.lines.map((l) => [l.deviceCode, l.status])).toEqual([['K07', 'complete']]);
    expect(g.provisional).toBe(true);
  });

  test('the reply is validated: a device without its code is refused', () => {
    expect(CompletenessReply.safeParse({ type: 'completeness', fairId: '01F00000000000000000000001', devices: [{ ...dev(1), deviceCode: undefined }] }).success).toBe(false);
  });
});
