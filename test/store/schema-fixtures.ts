/**
 * Rows exactly as each schema version stored them: frozen literals, never produced by today's
 * code, so the upgrade-path tests (test/store/upgrade-path.test.ts in fake-indexeddb,
 * test/store/browser.test.ts in Chromium) open a database that an old app version really left.
 * A new schema version adds its entry here.
 */
import type { TableName } from '../../src/store/db';
import { V2_BLOB_TEXT, V2_ROWS_JSON } from './schema-v2-rows';

export type VersionRows = Partial<Record<TableName, readonly unknown[]>>;

export const FAIR_ID = '01JRZ8Q4W6M0000000000000F1';
export const EXHIBITOR_ID = '01JRZ8Q4W6M0000000000000E1';
export const DEVICE_ID = '01JRZ8Q4W6M0000000000000D1';
const USCC = '91350100M000100Y43';
const v1Fair = {
  id: FAIR_ID,
  code: 'CF137',
  nameZh: '第137届广交会',
  sessionNo: 137,
  days: [{ date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' }],
  settings: {
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    windows: {
      acceptance: { hours: 1, clock: 'opening' },
      supplement: { hours: 24, clock: 'elapsed' },
      defence: { hours: 24, clock: 'elapsed' },
      measure: { hours: 2, clock: 'opening' },
      reviewRequest: { hours: 24, clock: 'elapsed' },
      reviewDecision: { hours: 4, clock: 'opening' },
      handover: { hours: 24, clock: 'elapsed' },
    },
    handlingMode: 'workstation',
    acceptedIpTypes: ['invention', 'utility_model', 'design', 'trademark', 'copyright'],
    rightJurisdictions: ['CN'],
    mediationAllowed: true,
    voluntaryRemovalCloses: true,
    reviewAllowed: true,
    requireBadge: false,
    requireEvaluationReport: false,
    onlineExhibition: false,
    commitmentRequired: true,
    commitmentTemplate: 'v1',
    opinionMinExperts: 1,
    repeatRule: { kind: 'national_baseline' },
    frequentComplainant: { minNotEstablished: 3, minShare: 0.5 },
    measuresEnabled: ['WITHDRAW_EXHIBIT', 'COVER', 'DETAIN', 'REMOVE_LITERATURE', 'REPLACE_BOARD'],
    refusalReasons: ['NR_INCOMPLETE', 'NR_OTHER'],
    uiLanguages: ['zh-CN', 'en'],
    noticeLanguages: ['zh-CN', 'en'],
    authorities: [],
    booth: { hall: '^[0-9A-Z]{1,4}(\\.[0-9]{1,2})?$', stand: '^[0-9A-Z]{1,6}(-[0-9A-Z]{1,4})?$' },
    unsyncedReminderHours: 4,
    publicFormIdleSeconds: 180,
  },
};
const v1Exhibitor = {
  id: EXHIBITOR_ID,
  fairId: FAIR_ID,
  nameZh: '福州某某公司',
  country: 'CN',
  uscc: USCC,
  booths: [{ hall: '1.1', stand: 'A01' }],
  contacts: [],
  createdAt: '2025-04-15T01:00:00.000Z',
  createdBy: DEVICE_ID,
  deviceId: DEVICE_ID,
  boothKeys: [`${FAIR_ID}|1.1/A01`],
  search: [`${FAIR_ID}|1.1/A01`, `${FAIR_ID}|A01`, `${FAIR_ID}|福州某某公司`, `${FAIR_ID}|${USCC}`],
};
const v1Item = (seq: number, kind: string, entityId: string, payload: unknown) => ({
  id: `01JRZ8Q4W6M00000000000000${seq}`,
  fairId: FAIR_ID,
  deviceId: DEVICE_ID,
  seq,
  hlc: `${String(Date.parse('2025-04-15T01:00:00.000Z')).padStart(15, '0')}-000${seq}-${DEVICE_ID}`,
  at: '2025-04-15T01:00:00.000Z',
  kind,
  entityId,
  payload,
});

const v1Items = [v1Item(1, 'fair', FAIR_ID, v1Fair), v1Item(2, 'exhibitor', EXHIBITOR_ID, v1Exhibitor)];

const v2Rows: VersionRows = {
  ...V2_ROWS_JSON,
  blobs: (V2_ROWS_JSON.blobs ?? []).map((b) => ({ ...b, blob: new Blob([V2_BLOB_TEXT], { type: 'image/png' }) })),
};

/** Another tablet's note on a case this one has no Submit of (an orphan, SY81), as version 3 kept it. */
export const ORPHAN_CASE_ID = '01M88C006KR3Z67T8XWXT0ORPH';
export const ORPHAN_EVENT = {
  id: '01M88C006KR3Z67T8XWXT0NOTE',
  caseId: ORPHAN_CASE_ID,
  type: 'AddNote',
  actor: { userId: '01M88C004YFY2VXXRA08SBG9QH', role: 'clerk' },
  deviceId: '01JRZ8Q4W6M0000000000000D2',
  at: '2025-04-15T01:09:00.000Z',
  hlc: '001744679340000-0000-01JRZ8Q4W6M0000000000000D2',
  parents: [],
  payload: { text: '另一台平板的备注' },
};

const v3Rows: VersionRows = {
  ...v2Rows,
  meta: [...(v2Rows.meta ?? []), { key: `pulled|${ORPHAN_CASE_ID}|${ORPHAN_EVENT.id}`, value: ORPHAN_EVENT }, { key: `sync.orphan.${ORPHAN_CASE_ID}`, value: true }],
};

/** Another tablet's edit of the exhibitor, applied here (SY22): before version 5 a `meta` row, since on the exhibitor's row (SY88). */
export const APPLIED_VERSION = { hlc: '001744679400000-0000-01JRZ8Q4W6M0000000000000D2', id: '01JRZ8Q4W6M0000000000000X1' };

const v4Rows: VersionRows = {
  ...v2Rows,
  meta: [...(v2Rows.meta ?? []), { key: 'sync.orphans', value: [ORPHAN_CASE_ID] }, { key: `sync.version.${EXHIBITOR_ID}`, value: APPLIED_VERSION }],
  pulled: [{ key: ORPHAN_EVENT.id, caseIds: [ORPHAN_CASE_ID], events: [ORPHAN_EVENT] }],
};

const v5Rows: VersionRows = {
  ...v4Rows,
  meta: (v4Rows.meta ?? []).filter((m) => (m as { key: string }).key !== `sync.version.${EXHIBITOR_ID}`),
  exhibitors: (v4Rows.exhibitors ?? []).map((e) => ({ ...(e as object), applied: APPLIED_VERSION })),
};

/** Version 7 keeps each case's summary fields beside it (PS1, case-summaries.ts): the version-2 case's. */
const v7Rows: VersionRows = {
  ...v5Rows,
  caseSummaries: [
    {
      id: '01M88C006KR3Z67T8XWXT0BNX1',
      fairId: FAIR_ID,
      complaintId: '01M88C006KR3Z67T8XWXT0BNX0',
      receivedAt: '2025-04-15T01:08:00.000Z',
      updatedAt: '2025-04-15T01:08:00.000Z',
      state: 'RECEIVED',
      foreignRelated: false,
      flags: ['NO_COMMITMENT'],
      conflicts: [],
      complainant: { name: '广州某某科技有限公司', country: 'CN' },
      respondent: { exhibitorKey: `CN:${USCC}`, name: '福州某某公司', booth: { hall: '1.1' } },
      rights: [{ type: 'invention' }],
      measures: [],
      deadlines: {},
      review: { requestedBy: [], decisions: [] },
    },
  ],
};

/** Version 8 drops the exhibitors' `search` index (SY89): its exhibitor rows carry no `search` keys. */
const v8Rows: VersionRows = {
  ...v7Rows,
  exhibitors: (v7Rows.exhibitors ?? []).map((e) => {
    const { search: _s, ...row } = e as { search?: unknown };
    return row;
  }),
};

export const VERSION_ROWS: Readonly<Record<number, VersionRows>> = {
  1: {
    fairs: [v1Fair],
    exhibitors: [v1Exhibitor],
    items: v1Items,
    outbox: v1Items,
    meta: [
      { key: 'log', value: { deviceId: DEVICE_ID, seq: 2, hlc: v1Items[1]?.hlc } },
      { key: 'language', value: 'en' },
    ],
    device: [{ key: 'this', id: DEVICE_ID, name: 'Desk 1', shortCode: 'K07', fairId: FAIR_ID, language: 'en' }],
    drafts: [{ key: 'fair:new', form: 'fair-setup', data: { code: 'CF1' }, updatedAt: '2025-04-15T01:00:00.000Z', public: false }],
  },
  2: v2Rows,
  // Version 3 made `cases.caseNo` a plain index (SY34): its rows are version 2's.
  3: v3Rows,
  // Version 4 keeps other tablets' case events one row per batch (SY80), the orphans one row (SY81).
  4: v4Rows,
  // Version 5 drops the commitments' `fairId` and `exhibitorKey` indexes (SY89) and keeps an
  // exhibitor's applied version on its row (SY88).
  5: v5Rows,
  // Version 6 adds the snapshot's pages of commitments (SY93), a new table: its rows are version 5's.
  6: v5Rows,
  7: v7Rows,
  8: v8Rows,
};
