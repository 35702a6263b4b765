import { z } from 'zod';
import { DeviceCode } from '../domain/case/case-number';
import { Language } from '../domain/codes';
import { FairId } from '../domain/ids';
import { Text } from '../domain/text';
import type { DeviceId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import type { DeviceRow, FairCaseDb } from './db';
import { parseInput } from './result';
import type { StoreResult } from './result';
import { fail, runWrite } from './transaction';
import { logState } from './local-log';

/**
 * This tablet's settings: its name, its short code (CN1: 2–4 USCC-alphabet chars in case
 * numbers), the fair it works for, and the interface language (default zh-CN, remembered per
 * device). Local only: device settings are not synced items.
 */
export const DeviceSettingsInput = z.object({
  name: Text(1, 50),
  shortCode: DeviceCode,
  fairId: FairId.optional(),
  language: Language.optional(),
});
export type DeviceSettingsInput = z.input<typeof DeviceSettingsInput>;

export interface DeviceSettings {
  readonly id: DeviceId;
  readonly name: string;
  readonly shortCode: DeviceCode;
  readonly fairId?: FairId;
  readonly language: Language;
}

export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const LANGUAGE_KEY = 'language';

const toSettings = ({ key: _key, ...settings }: DeviceRow): DeviceSettings => settings;

export async function loadDevice(): Promise<DeviceSettings | undefined> {
  const row = await getDb().device.get('this');
  return row === undefined ? undefined : toSettings(row);
}

/** The interface language, also before the device is set up (the switch works from the first screen). */
export async function loadLanguage(): Promise<Language> {
  const row = await getDb().meta.get(LANGUAGE_KEY);
  const parsed = Language.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

async function storedLanguage(db: FairCaseDb): Promise<Language> {
  const parsed = Language.safeParse((await db.meta.get(LANGUAGE_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

async function assertFair(db: FairCaseDb, fairId: FairId): Promise<void> {
  if ((await db.fairs.get(fairId)) === undefined) fail('not-found', `fair ${fairId}`);
}

/**
 * Device setup. The device id is the one its log already uses (made on the first write of any
 * kind), so items recorded before setup and after carry the same id.
 */
export async function saveDevice(input: DeviceSettingsInput, now: Instant): Promise<StoreResult<DeviceSettings>> {
  const parsed = parseInput(DeviceSettingsInput, input);
  if (!parsed.ok) return parsed;
  const { name, shortCode, fairId, language } = parsed.value;
  return runWrite(
    ['device', 'fairs', 'meta'],
    async (db) => {
      // Only IndexedDB promises may be awaited inside the transaction (no empty async calls).
      if (fairId !== undefined) await assertFair(db, fairId);
      const { deviceId } = await logState(db);
      const lang = language ?? (await storedLanguage(db));
      const row: DeviceRow = { key: 'this', id: deviceId, name, shortCode, language: lang, ...(fairId === undefined ? {} : { fairId }) };
      await db.device.put(row);
      await db.meta.put({ key: LANGUAGE_KEY, value: lang });
      return toSettings(row);
    },
    { log: false, now },
  );
}

export async function setLanguage(lang: Language): Promise<StoreResult<Language>> {
  const parsed = parseInput(Language, lang);
  if (!parsed.ok) return parsed;
  const language = parsed.value;
  return runWrite(
    ['device', 'meta'],
    async (db) => {
      await db.meta.put({ key: LANGUAGE_KEY, value: language });
      const row = await db.device.get('this');
      if (row !== undefined) await db.device.put({ ...row, language });
      return language;
    },
    { log: false },
  );
}

export async function selectFair(fairId: FairId | string, now: Instant): Promise<StoreResult<DeviceSettings>> {
  const parsed = parseInput(FairId, fairId);
  if (!parsed.ok) return parsed;
  const id = parsed.value;
  return runWrite(
    ['device', 'fairs'],
    async (db) => {
      const row = await db.device.get('this');
      if (row === undefined) fail('not-found', 'device not set up');
      await assertFair(db, id);
      const next: DeviceRow = { ...row, fairId: id };
      await db.device.put(next);
      return toSettings(next);
    },
    { log: false, now },
  );
}
