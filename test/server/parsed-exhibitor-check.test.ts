import { describe, expect, test } from 'vitest';
import { exhibitorSchemaFor, type Exhibitor } from '../../src/domain/exhibitor';
import { tickHlc } from '../../src/domain/hlc';
import type { SyncItem } from '../../src/domain/sync-item';
import { instantFromMs } from '../../src/domain/time';
import { checkPayload } from '../../src/domain/wire/payload-parsers';
import { checkParsedExhibitor } from '../../src/server/console/parsed-exhibitor-check';
import { newId } from './support';

/** CONSOLE-SPEC CO23 with sync SPEC SY52: the check of an exhibitor the fair's schema has parsed answers as `checkPayload` does. */
const NOW = Date.UTC(2025, 3, 15, 2);
// A fair whose stand pattern admits any length: the wire's (1 to 64 characters) is then the stricter.
const LOOSE = exhibitorSchemaFor({ hall: '^.+$', stand: '^.+$' });

function itemOf(fields: Record<string, unknown>, over: Partial<SyncItem> = {}): SyncItem {
  const fairId = newId();
  const deviceId = newId();
  const record: Exhibitor = LOOSE.parse({
    id: newId(), fairId, nameZh: '展商', country: 'CN', booths: [{ hall: '11.2', stand: 'C01' }],
    createdAt: instantFromMs(NOW), createdBy: deviceId, deviceId, listVersion: 1, ...fields,
  });
  return {
    id: newId(), fairId, deviceId, seq: 1, hlc: tickHlc(undefined, NOW, deviceId), at: instantFromMs(NOW), kind: 'exhibitor', entityId: record.id, payload: record, ...over,
  } as SyncItem;
}

describe('the payload check of exhibitors the console has parsed', () => {
  test('[CO23] a record that the wire schema takes passes both checks', () => {
    const item = itemOf({});
    expect(checkPayload(item)).toBeUndefined();
    expect(checkParsedExhibitor(item)).toBeUndefined();
  });

  test('[CO23][SY52] a stand the fair admits but the wire does not is refused with the push path\'s own problem', () => {
    const item = itemOf({ booths: [{ hall: '11.2', stand: 'C'.repeat(65) }] });
    const problem = checkPayload(item);
    expect(problem?.code).toBe('PAYLOAD_INVALID');
    expect(checkParsedExhibitor(item)).toEqual(problem);
  });

  test('[CO23] a record of another fair or another entity is refused as checkPayload refuses it', () => {
    const base = itemOf({});
    for (const item of [{ ...base, fairId: newId() }, { ...base, entityId: newId() }] as SyncItem[]) {
      const problem = checkPayload(item);
      expect(problem).toBeDefined();
      expect(checkParsedExhibitor(item)).toEqual(problem);
    }
  });
});
