import { DeviceCode, parseCaseNumber } from '../domain/case/case-number';
import type { SyncItem } from '../domain/sync-item';
import { getDb } from './db';
import type { FairCaseDb } from './db';
import type { StoreResult } from './result';
import { inWrite, runWrite } from './transaction';

/**
 * The device codes this tablet knows (SY30): which device numbered cases with which code, learned
 * from the case numbers of pulled Submit events, plus its own. Sync reports them to the server,
 * which then never gives one of them to another device, also after a restore from a backup.
 * Kept in `meta` as one small map, deviceId → codes (a tablet given a new code keeps its old one).
 */
export const KNOWN_CODES_KEY = 'codes.known';

export type KnownCodes = Readonly<Record<string, readonly string[]>>;

const read = async (db: FairCaseDb): Promise<KnownCodes> => ((await db.meta.get(KNOWN_CODES_KEY))?.value as KnownCodes | undefined) ?? {};

/** Adds pairs to a map; `undefined` when every pair was already in it. */
function merged(known: KnownCodes, pairs: readonly (readonly [string, string])[]): KnownCodes | undefined {
  let next: Record<string, readonly string[]> | undefined;
  for (const [deviceId, code] of pairs) {
    const have = (next ?? known)[deviceId] ?? [];
    if (have.includes(code)) continue;
    next ??= { ...known };
    next[deviceId] = [...have, code].sort();
  }
  return next;
}

/** The device code in a Submit event's case number, with the device that numbered it. */
function codeOf(item: SyncItem): readonly [string, string] | undefined {
  if (item.kind !== 'case_event') return undefined;
  const event = item.payload as { type?: unknown; deviceId?: unknown; payload?: { caseNo?: unknown } } | null;
  if (event?.type !== 'Submit' || typeof event.deviceId !== 'string' || typeof event.payload?.caseNo !== 'string') return undefined;
  const parsed = parseCaseNumber(event.payload.caseNo);
  return parsed.ok ? [event.deviceId, parsed.value.device] : undefined;
}

/** SY30: inside a pull page's transaction, the codes its Submit events carry. */
export function learnCodesFromPulled(db: FairCaseDb, items: readonly SyncItem[]): Promise<void> {
  return inWrite(async () => {
    const pairs = items.flatMap((i) => {
      const pair = codeOf(i);
      return pair === undefined ? [] : [pair];
    });
    if (pairs.length === 0) return;
    const next = merged(await read(db), pairs);
    if (next !== undefined) await db.meta.put({ key: KNOWN_CODES_KEY, value: next });
  });
}

/** Every code known here, with this device's own (its settings' short code and `own`), as report pairs. */
export async function knownCodes(own?: { readonly deviceId: string; readonly code: string }): Promise<{ deviceId: string; code: string }[]> {
  const db = getDb();
  return db.transaction('r', db.meta, db.device, async () => {
    const [known, device] = await Promise.all([read(db), db.device.get('this')]);
    const extra: (readonly [string, string])[] = [];
    if (device !== undefined) extra.push([device.id, device.shortCode]);
    if (own !== undefined) extra.push([own.deviceId, own.code]);
    const all = merged(known, extra) ?? known;
    return Object.entries(all)
      .flatMap(([deviceId, codes]) => codes.map((code) => ({ deviceId, code })))
      .sort((a, b) => (a.deviceId + a.code < b.deviceId + b.code ? -1 : 1));
  });
}

/**
 * SY33: the code the server gave at enrolment becomes the one this tablet numbers new cases
 * with. The old one is kept among the known codes: the cases numbered with it keep their numbers.
 */
export async function adoptDeviceCode(code: string): Promise<StoreResult<boolean>> {
  const deviceCode = DeviceCode.parse(code);
  return runWrite(
    ['device', 'meta'],
    async (db) => {
      const device = await db.device.get('this');
      if (device === undefined || device.shortCode === deviceCode) return false;
      const next = merged(await read(db), [[device.id, device.shortCode], [device.id, deviceCode]]);
      if (next !== undefined) await db.meta.put({ key: KNOWN_CODES_KEY, value: next });
      await db.device.put({ ...device, shortCode: deviceCode });
      return true;
    },
    { log: false },
  );
}

/** What was last reported, and in which server epoch: a restored server is told everything again. */
const REPORTED_KEY = 'codes.reported';

/** SY30: the signature of the codes last reported (`<epoch>|<codes>`), if any. */
export async function reportedCodes(): Promise<unknown> {
  return (await getDb().meta.get(REPORTED_KEY))?.value;
}

export const saveReportedCodes = (signature: string): Promise<StoreResult<string>> =>
  runWrite(['meta'], (db) => db.meta.put({ key: REPORTED_KEY, value: signature }), { log: false });
