import { monotonicFactory } from 'ulidx';
import { formatHlc } from '../../src/domain/hlc';
import type { SyncItem } from '../../src/domain/sync-item';
import type { Storage } from '../../src/server/storage/storage';
import { proofFor } from './device-keys';

/** Builders for the server tests: real parses, real databases, no mocks. */
const nextUlid = monotonicFactory();
export const newId = (): string => nextUlid();

export interface TestDevice {
  readonly deviceId: string;
  readonly fairId: string;
  readonly deviceCode: string;
  readonly token: string;
}

let organizerCount = 0;
/** An organizer account (unique name) and its user id and token. */
export async function makeOrganizer(storage: Storage): Promise<{ userId: string; token: string; name: string; password: string }> {
  const name = `organizer-${process.pid}-${++organizerCount}-${newId().slice(-6)}`;
  const password = 'correct horse battery';
  const { userId } = await storage.createUser({ name, password, role: 'organizer' });
  const session = await storage.login(name, password);
  if (session === undefined) throw new Error('login failed');
  return { userId, token: session.token, name, password };
}

/**
 * Enrols a tablet in `fairId` through a one-time code, as the organizer would. The tablet names
 * its own id (a new one unless given) and proves it with its test key pair (SY41).
 */
export async function enrol(storage: Storage, fairId: string, options: { role?: 'desk' | 'expert'; deviceCode?: string; deviceId?: string } = {}): Promise<TestDevice> {
  const organizer = await makeOrganizer(storage);
  const { code } = await storage.createEnrolment(organizer.userId, { fairId, role: options.role ?? 'desk', ttlMinutes: 60 }, Date.now());
  const deviceId = options.deviceId ?? newId();
  const enrolled = await storage.redeemEnrolment({ code, deviceName: 'Desk tablet', deviceCode: options.deviceCode, deviceId, proof: await proofFor(deviceId, code) });
  return { deviceId: enrolled.deviceId, fairId: enrolled.fairId, deviceCode: enrolled.deviceCode, token: enrolled.token };
}

/** A valid consultation item (its payload passes the domain schema). */
export function makeItem(device: Pick<TestDevice, 'deviceId' | 'fairId'>, seq: number, overrides: Partial<SyncItem> & { topic?: string } = {}): SyncItem {
  const { topic, ...rest } = overrides;
  const id = rest.id ?? newId();
  const entityId = rest.entityId ?? newId();
  const at = new Date(Date.UTC(2025, 3, 16, 2, 30, 0, seq % 1000)).toISOString();
  const nowMs = Date.now();
  return {
    id,
    fairId: device.fairId,
    deviceId: device.deviceId,
    seq,
    hlc: formatHlc({ wallMs: nowMs, counter: seq % 1000, node: 'N1' }),
    at,
    kind: 'consultation',
    entityId,
    payload: {
      id: entityId,
      fairId: rest.fairId ?? device.fairId,
      at,
      channel: 'desk',
      askerKind: 'exhibitor',
      topic: topic ?? `question ${seq}`,
      opinionGiven: false,
      createdAt: at,
      createdBy: '01J00000000000000000000000',
      deviceId: device.deviceId,
    },
    ...rest,
  } as SyncItem;
}

/** Items seq `from`…`to` of one device. */
export const makeItems = (device: Pick<TestDevice, 'deviceId' | 'fairId'>, from: number, to: number): SyncItem[] =>
  Array.from({ length: to - from + 1 }, (_, i) => makeItem(device, from + i));
