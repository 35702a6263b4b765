/**
 * A simulated desk tablet for the fault run: its own IndexedDB database (fake-indexeddb, a name
 * of its own), written only through the store functions the app calls (complaint intake, case
 * actions, evidence capture) and synced only through the app's sync code (`syncOnce`, the HTTP
 * transport, every pull applier). The store keeps one open database per page, so the run
 * switches tablets with `use()` and never lets two of them work at the same time.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Case } from '../../src/domain/case/case';
import type { Fair } from '../../src/domain/fair';
import type { SyncItem } from '../../src/domain/sync-item';
import type { Instant } from '../../src/domain/time';
import { applyCaseCommand, getCase, recordComplaint } from '../../src/store/cases';
import { closeDb, getDb, setDbName } from '../../src/store/db';
import { saveDevice } from '../../src/store/device';
import { getBlob, storeEvidence } from '../../src/store/evidence';
import { createFair } from '../../src/store/fairs';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { enrolThisDevice, syncOnce, type SyncRun } from '../../src/sync/http-sync';
import type { BlobSource } from '../../src/sync/push-outbox';
import { readSyncState, type SyncState } from '../../src/store/sync-state';
import type { FetchLike } from '../../src/sync/transport';
import { clerk, complaintInput, expert, EVIDENCE, EXPERT_ID } from '../store/case-fixtures';
import { fairInput, uscc } from '../store/fixtures';
import type { Rng } from './rng';
import { shownState } from '../support/shown-state';

/** The app's blob source (src/app/sync/sync-runner.ts): files come from the store's blob table. */
const blobs: BlobSource = async (sha) => {
  const blob = await getBlob(sha);
  return blob === undefined ? undefined : { data: new Uint8Array(await blob.arrayBuffer()), mime: blob.type || 'application/octet-stream' };
};

/** The tablet whose database is the store's now. */
let current: string | undefined;

/** The next step of the desk workflow for a filed case (the path of `establish` in the store tests). */
type Stage = 0 | 1 | 2 | 3 | 4;

export interface TabletView {
  readonly items: readonly SyncItem[];
  readonly outbox: ReadonlySet<string>;
  readonly blobShas: ReadonlySet<string>;
  readonly sync: SyncState;
}

export class Tablet {
  readonly dbName: string;
  /** This tablet's filed cases and the next workflow step of each. */
  private readonly cases = new Map<string, Stage>();
  private fair: Fair | undefined;
  /** Items recorded so far (the local log's length: seq is gap-free from 1). */
  produced = 0;

  constructor(
    readonly name: string,
    /** The device code this desk proposes at enrolment; undefined lets the server choose. */
    readonly shortCode: string | undefined,
    run: string,
    /** How far this tablet's wall clock is off the hall's (negative: behind). */
    readonly clockOffsetMs = 0,
  ) {
    this.dbName = `proof-${run}-${name}`;
  }

  /** Makes this tablet's database the store's one database. */
  use(): void {
    if (current === this.dbName) return;
    setDbName(this.dbName, { indexedDB, IDBKeyRange });
    current = this.dbName;
  }

  /** The first tablet creates the fair on its desk (a `fair` item), as the organizer's kiosk would. */
  async createFair(now: Instant): Promise<Fair> {
    this.use();
    const made = await createFair(fairInput(), now);
    if (!made.ok) throw new Error(`createFair: ${JSON.stringify(made.error)}`);
    this.fair = made.value;
    this.produced++;
    return made.value;
  }

  async enrol(baseUrl: string, code: string, fetchImpl: FetchLike): Promise<void> {
    this.use();
    const enrolled = await enrolThisDevice(baseUrl, code, `Desk ${this.name}`, this.deviceCode ?? this.shortCode, fetchImpl);
    this.deviceCode = enrolled.deviceCode;
  }

  /** The code the server gave this device at its last enrolment. */
  deviceCode: string | undefined;

  /** Device setup once the fair is on this tablet (created here or pulled). */
  async setUp(fairId: string, now: Instant): Promise<void> {
    this.use();
    const fair = await getDb().fairs.get(fairId);
    if (fair === undefined) throw new Error(`${this.name}: the fair was not pulled`);
    this.fair = fair;
    const r = await saveDevice({ name: `Desk ${this.name}`, shortCode: this.deviceCode ?? this.shortCode ?? 'K0', fairId }, now);
    if (!r.ok) throw new Error(`saveDevice: ${JSON.stringify(r.error)}`);
  }

  /** One user action, drawn from `rng`: a complaint (1–3 respondents), a case step or a photo. Returns the items it recorded. */
  async act(rng: Rng, now: Instant): Promise<number> {
    const fair = this.fair;
    if (fair === undefined) throw new Error(`${this.name} is not set up`);
    const roll = rng.next();
    const open = [...this.cases.entries()].filter(([, stage]) => stage < 4);
    if (roll < 0.45 || open.length === 0) {
      const respondents = Array.from({ length: rng.chance(0.7) ? 1 : rng.between(2, 3) }, () => rng.between(1, 4000));
      const distinct = [...new Set(respondents)];
      const complainant = rng.between(1, 2000);
      const input = complaintInput(fair, now, {
        complainant: { role: 'complainant', kind: 'entity', name: `投诉人${complainant}号`, country: 'CN', uscc: uscc(complainant), phone: '13800138000' },
        respondents: distinct.map((n) => ({ exhibitorKey: `CN:${uscc(n)}`, name: `参展商${n}号`, booth: { hall: '1.1', stand: `A${n}` } })),
      });
      const r = await recordComplaint(input, clerk, now);
      if (!r.ok) throw new Error(`recordComplaint: ${JSON.stringify(r.error)}`);
      for (const c of r.value.cases) this.cases.set(c.id, 0);
      this.produced += r.value.cases.length;
      return r.value.cases.length;
    }
    if (roll < 0.85) {
      const [caseId, stage] = rng.pick(open);
      const c = await getCase(caseId);
      if (c === undefined) throw new Error(`case ${caseId} vanished from ${this.name}`);
      const r = await this.step(c, stage, now);
      // RP4: complainants and respondents are drawn at random, so now and then a complaint repeats
      // an earlier one of the session (about twice in 10,000 events) and carries the DUPLICATE
      // flag, which refuses Accept until an expert clears it. A desk would look into it; the
      // workload just leaves that case where it is.
      if (!r.ok && stage === 0 && r.error.domain?.code === 'GUARD_FAILED:RP4') {
        this.cases.set(caseId, 4);
        return 0;
      }
      if (!r.ok) throw new Error(`case step ${stage}: ${JSON.stringify(r.error)}`);
      this.cases.set(caseId, (stage + 1) as Stage);
      this.produced++;
      return 1;
    }
    // A photo of an accused item. Now and then the same bytes another tablet may also capture
    // (the server keeps one file per hash).
    const size = rng.between(64, 4096);
    const bytes = new Uint8Array(size);
    const common = rng.chance(0.2);
    const salt = common ? rng.int(20) : rng.int(2 ** 30);
    for (let i = 0; i < size; i++) bytes[i] = (i * 131 + salt * 7919 + (i >> 3) * salt) & 0xff;
    const [caseId] = rng.pick([...this.cases.entries()]);
    const r = await storeEvidence(new Blob([bytes], { type: 'image/jpeg' }), { kind: 'photo', mime: 'image/jpeg', capturedAt: now, caseId, fairId: fair.id }, now);
    if (!r.ok) throw new Error(`storeEvidence: ${JSON.stringify(r.error)}`);
    this.produced++;
    return 1;
  }

  private step(c: Case, stage: Stage, now: Instant) {
    switch (stage) {
      case 0: {
        const checklist = c.checklist.filter((i) => i.required && i.status !== 'waived').map((i) => ({ code: i.code, required: true, status: 'verified' as const, originalSighted: true }));
        return applyCaseCommand(c.id, { type: 'Accept', payload: { checklist } }, expert, now);
      }
      case 1:
        return applyCaseCommand(c.id, { type: 'NotifyRespondent', payload: { servedAt: now, service: { kind: 'signed', signatureEvidenceId: EVIDENCE[1] } } }, clerk, now);
      case 2:
        return applyCaseCommand(c.id, { type: 'RecordAdmission', payload: { signatureEvidenceId: EVIDENCE[1] } }, clerk, now);
      default:
        return applyCaseCommand(
          c.id,
          { type: 'IssueOpinion', payload: { conclusion: 'ESTABLISHED_ALLEGED', basis: 'ADMISSION', reasons: '落入保护范围', experts: [EXPERT_ID] } },
          expert,
          now,
        );
    }
  }

  /** One push-then-pull run of the app's sync code through `fetchImpl`. */
  sync(fetchImpl: FetchLike, now: () => Instant): Promise<SyncRun> {
    return syncOnce({ now, fetch: fetchImpl, appliers: ALL_APPLIERS, blobs });
  }

  /** What this tablet holds: its local log, its outbox, its evidence files, its sync state. */
  async view(): Promise<TabletView> {
    this.use();
    const db = getDb();
    const [items, outbox, shas, sync] = await Promise.all([db.items.toArray(), db.outbox.toCollection().primaryKeys(), db.blobs.toCollection().primaryKeys(), readSyncState()]);
    return { items, outbox: new Set(outbox), blobShas: new Set(shas), sync };
  }

  /** What a person sees on this tablet (shown-state.ts). */
  async state(): Promise<ReadonlyMap<string, string>> {
    this.use();
    return shownState();
  }

  static close(): void {
    closeDb();
    current = undefined;
  }
}
