import { Dexie } from 'dexie';
import type { Table, Transaction } from 'dexie';
import type { Fair } from '../domain/fair';
import type { Version } from '../domain/last-writer-wins';
import type { Exhibitor } from '../domain/exhibitor';
import type { SyncItem } from '../domain/sync-item';
import type { DeviceSettings } from './device';
import type { Draft } from './drafts';
import type { BlobRow, EvidenceRow } from './evidence';
import type { UserRow } from './users';
import type { CaseRecord, CaseRow } from './case-rows';
import type { Commitment } from '../domain/commitment';
import type { CaseEvent } from '../domain/case/events';
import type { ConsultationRecord } from './consultations';
import { fillCaseSummaries } from './case-summaries';
import type { CaseSummaryRow } from './case-summaries';

/**
 * The tablet's database. Every schema change is a new entry in SCHEMA_VERSIONS with its upgrade
 * function, never an edit of an old one: a kiosk may skip several app versions between two
 * fairs. To add version N: append `{ version: N, stores: {changed tables}, upgrade }`, add
 * VERSION_ROWS[N] (rows as version N stores them) to test/store/schema-fixtures.ts, and extend
 * `checkLatest` in test/store/upgrade-path.test.ts; the tests then open the latest schema over a
 * database left by every version, in fake-indexeddb and in Chromium.
 */

/** The singleton row of `device`. */
export type DeviceRow = DeviceSettings & { readonly key: 'this' };

/**
 * An exhibitor as stored: the domain record plus a derived multi-entry index field, `boothKeys`
 * (`<fairId>|<hall>/<stand>`: a booth is taken once per fair).
 */
export type ExhibitorRow = Exhibitor & {
  readonly boothKeys: readonly string[];
  /** Rows written before version 8 only: the keys of the `search` index since dropped (SY94); never read. */
  readonly search?: readonly string[];
  /** SY22, SY88: the version last applied from another tablet (since version 5; before, a `meta` row). */
  readonly applied?: Version;
};

/** A key/value row of `meta` (the log state, persistence, language). */
export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/**
 * A batch of other tablets' case events (SY80): the events new to this tablet in one pull page
 * or bundle, keyed by the id of its first event, with the cases they are about (multi-entry).
 */
export interface PulledRow {
  readonly key: string;
  readonly caseIds: readonly string[];
  readonly events: readonly CaseEvent[];
}

/**
 * A snapshot page's commitments (SY93), kept as ONE row: keyed by the id of its first commitment,
 * found by `<fairId>|<exhibitorKey>` of each (multi-entry). commitment-rows.ts reads them with
 * the `commitments` table's rows, each commitment once.
 */
export interface CommitmentPageRow {
  readonly key: string;
  readonly keys: readonly string[];
  readonly commitments: readonly Commitment[];
}

/** SY81: the cases with kept events but no Submit yet, one `meta` row. */
export const ORPHANS_KEY = 'sync.orphans';

/** Version 4: `pulled|<caseId>|<eventId>` and `sync.orphan.<caseId>` rows of `meta` into their new places. */
async function movePulledEvents(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaRow, string>('meta');
  const old = await meta.where('key').startsWith('pulled|').toArray();
  const orphans = await meta.where('key').startsWith('sync.orphan.').toArray();
  const events = old.map((r) => r.value as CaseEvent);
  const first = events[0];
  if (first !== undefined) await tx.table<PulledRow, string>('pulled').put({ key: first.id, caseIds: [...new Set(events.map((e) => e.caseId))], events });
  if (orphans.length > 0) await meta.put({ key: ORPHANS_KEY, value: orphans.map((r) => r.key.slice('sync.orphan.'.length)) });
  await meta.bulkDelete([...old, ...orphans].map((r) => r.key));
}

/**
 * Version 5 (SY88): each exhibitor's applied version moves from its `sync.version.<id>` row of
 * `meta` onto the exhibitor's row; the fairs' stay in `meta`.
 */
async function moveExhibitorVersions(tx: Transaction): Promise<void> {
  const prefix = 'sync.version.';
  const meta = tx.table<MetaRow, string>('meta');
  const exhibitors = tx.table<ExhibitorRow, string>('exhibitors');
  const versions = await meta.where('key').startsWith(prefix).toArray();
  const rows = await exhibitors.bulkGet(versions.map((v) => v.key.slice(prefix.length)));
  const moved: ExhibitorRow[] = [];
  rows.forEach((row, k) => {
    const value = versions[k]?.value;
    // A version kept before it carried its item id was the bare clock (versions.ts `storedVersion`).
    const applied = typeof value === 'string' ? { hlc: value, id: '' } : (value as Version | undefined);
    if (row !== undefined && applied !== undefined) moved.push({ ...row, applied: { hlc: applied.hlc, id: applied.id } as Version });
  });
  await exhibitors.bulkPut(moved);
  await meta.bulkDelete(moved.map((r) => `${prefix}${r.id}`));
}

export interface SchemaVersion {
  readonly version: number;
  /** Dexie store specs of the tables that change in this version (`null` deletes a table). */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing rows for this version; runs inside the upgrade transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      device: 'key',
      fairs: 'id, code',
      exhibitors: 'id, fairId, *boothKeys, *search',
      drafts: 'key, form, updatedAt',
      // `seq` is gap-free per device (sync-item.ts): unique, so a reused number fails the write.
      items: 'id, &seq, hlc, entityId, [fairId+seq]',
      outbox: 'id, &seq, at',
      meta: 'key',
    },
  },
  {
    // The desk workflow (users, evidence, cases, commitments, consultations). New tables only: version-1 rows stay as they were.
    version: 2,
    stores: {
      users: 'id, name',
      // One blob per content hash: the same photo twice is stored once.
      blobs: 'sha256',
      evidence: 'id, sha256, caseId, fairId',
      // `&caseNo` until version 3 (SY34). `respondentKey` and
      // `[fairId+complainantKey]` find the intake history (RP1, RP4–RP6) without reading every case.
      cases: 'id, fairId, complaintId, &caseNo, respondentKey, [fairId+complainantKey]',
      // The board's rows (P3), written in the same transaction as their case.
      caseRows: 'id, fairId',
      commitments: 'id, fairId, exhibitorKey, [fairId+exhibitorKey]',
      consultations: 'id, fairId',
    },
  },
  {
    // SY34: `caseNo` no longer unique. Two tablets once given one device code numbered two cases
    // alike; a unique index made the pulled one abort its page, and sync stopped for good. Both
    // are now stored and flagged (shared-numbers.ts). The rows stay as they are: no upgrade step.
    version: 3,
    stores: {
      cases: 'id, fairId, complaintId, caseNo, respondentKey, [fairId+complainantKey]',
    },
  },
  {
    // Other tablets' case events, kept compactly (SY80): one row per applied batch (a pull page,
    // a bundle), found by the cases it holds, instead of one `meta` row per event. The orphan
    // marks (SY81) become one row. Rows kept the old way move over.
    version: 4,
    stores: { pulled: 'key, *caseIds' },
    upgrade: movePulledEvents,
  },
  {
    // SY89: only the indexes a screen or an action queries. A fair's commitments are the range of
    // `[fairId+exhibitorKey]` that starts with it, so `fairId` and `exhibitorKey` alone were two
    // index entries more per row for every write; the rows stay as they are. SY88: an
    // exhibitor's applied version moves onto its row (one row written per pulled exhibitor).
    version: 5,
    stores: { commitments: 'id, [fairId+exhibitorKey]' },
    upgrade: moveExhibitorVersions,
  },
  {
    // SY93: a snapshot page's commitments are one row, not one row each (a first sync writes a
    // page at a time, and a row costs far more than its bytes). A new table: no row moves.
    version: 6,
    stores: { commitmentPages: 'key, *keys' },
  },
  {
    // PS1: each case's summary fields (case-summaries.ts), written in the same transaction as the
    // case, so the post-show summary reads a few fields per case, not whole records. Keyed by
    // fair first: a fair's rows are one range of the table itself, read in order with no index
    // (an index read fetches each row by its key). Filled here from the cases already stored.
    version: 7,
    stores: { caseSummaries: '[fairId+id]' },
    upgrade: fillCaseSummaries,
  },
  {
    // SY89, SY94: no `*search` index of exhibitors: an entry per word (booth, stand, names, USCC)
    // of every exhibitor a first sync writes, for one prefix search, which now reads the fair's
    // exhibitors instead (exhibitors.ts). The rows stay as they are.
    version: 8,
    stores: { exhibitors: 'id, fairId, *boothKeys' },
  },
];

export const LATEST_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));

export const TABLE_NAMES = [
  'device',
  'fairs',
  'exhibitors',
  'drafts',
  'items',
  'outbox',
  'meta',
  'users',
  'blobs',
  'evidence',
  'cases',
  'caseRows',
  'commitments',
  'consultations',
  'pulled',
  'commitmentPages',
  'caseSummaries',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface DbOptions {
  /** Build the schema only up to this version (upgrade-path tests open old databases). */
  readonly upTo?: number;
  /** fake-indexeddb in Node; the browser's own otherwise. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

export class FairCaseDb extends Dexie {
  declare readonly device: Table<DeviceRow, 'this'>;
  declare readonly fairs: Table<Fair, string>;
  declare readonly exhibitors: Table<ExhibitorRow, string>;
  declare readonly drafts: Table<Draft, string>;
  /** Every SyncItem recorded on this device: the local log. */
  declare readonly items: Table<SyncItem, string>;
  /** SyncItems not yet acknowledged by the server. */
  declare readonly outbox: Table<SyncItem, string>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly users: Table<UserRow, string>;
  declare readonly blobs: Table<BlobRow, string>;
  declare readonly evidence: Table<EvidenceRow, string>;
  /** The folded case as this device last evolved it, with its history index keys. */
  declare readonly cases: Table<CaseRecord, string>;
  declare readonly caseRows: Table<CaseRow, string>;
  declare readonly commitments: Table<Commitment, string>;
  declare readonly consultations: Table<ConsultationRecord, string>;
  /** Other tablets' case events, one row per applied batch (SY80). */
  declare readonly pulled: Table<PulledRow, string>;
  /** A snapshot page's commitments, one row per page (SY93). */
  declare readonly commitmentPages: Table<CommitmentPageRow, string>;
  /** Each case's `SummaryCase` fields (PS1), written with the case. */
  declare readonly caseSummaries: Table<CaseSummaryRow, [string, string]>;

  /** Set when our open request waits on another tab that holds an older version open. */
  upgradeBlocked = false;
  /** Set when another tab upgraded the database under us: this page's code is out of date. */
  outdated = false;

  constructor(name: string, options: DbOptions = {}, durability: 'strict' | 'relaxed' = 'strict') {
    super(name, {
      // Every write here is a user's save: it must survive a power cut once the promise
      // resolves (a typed save is never lost). Chrome defaults to 'relaxed'. Only the
      // second connection (`getRelaxedDb`) writes relaxed, and only what may be fetched again (SY82).
      chromeTransactionDurability: durability,
      ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
      ...(options.IDBKeyRange === undefined ? {} : { IDBKeyRange: options.IDBKeyRange }),
    });
    const upTo = options.upTo ?? LATEST_VERSION;
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const version = this.version(v.version).stores({ ...v.stores });
      if (v.upgrade !== undefined) version.upgrade(v.upgrade);
    }
    this.on('blocked', () => {
      this.upgradeBlocked = true;
    });
    // Dexie's own handler closes the connection so the other tab's upgrade can go on; we also
    // remember it, so writes answer `version-conflict` (reload) instead of reopening old code.
    this.on('versionchange', () => {
      this.outdated = true;
    });
  }
}

const DEFAULT_NAME = 'faircase';
let dbName = DEFAULT_NAME;
let dbOptions: DbOptions = {};
let shared: FairCaseDb | undefined;
let relaxed: FairCaseDb | undefined;

/** The one shared instance; Dexie opens it on first use. */
export function getDb(): FairCaseDb {
  shared ??= new FairCaseDb(dbName, dbOptions);
  return shared;
}

/**
 * SY82: a second connection to the same database whose transactions commit with relaxed
 * durability, for pulled data written together with its cursor: a power cut may lose the last
 * pages, cursor included, and the next pull fetches them again.
 */
export function getRelaxedDb(): FairCaseDb {
  relaxed ??= new FairCaseDb(dbName, dbOptions, 'relaxed');
  return relaxed;
}

/** Closes and forgets the shared instances (tests; a reload in miniature). */
export function closeDb(): void {
  shared?.close();
  shared = undefined;
  relaxed?.close();
  relaxed = undefined;
}

/** Tests: use another database (and optionally another IndexedDB implementation). */
export function setDbName(name: string, options: DbOptions = {}): void {
  closeDb();
  dbName = name;
  dbOptions = options;
}
