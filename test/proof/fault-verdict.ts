/**
 * The fault run's checks: the invariant after each successful sync run of a tablet ("freed only
 * what the server verified") and the final counts (produced, on the server, duplicated, lost).
 */
import type { CaseEvent } from '../../src/domain/case/events';
import { foldAll } from '../../src/domain/case/fold';
import type { SyncItem } from '../../src/domain/sync-item';
import { sameItem, type ServerView } from './server-view';
import type { Tablet } from './tablet';
import { caseLine } from '../support/shown-state';

const shaOf = (item: SyncItem): string | undefined =>
  item.kind === 'evidence_meta' ? (item.payload as { sha256?: string } | null)?.sha256 : undefined;

/** Remembers the files found on the server, per epoch (a restore may take files away). */
export class FreedCheck {
  private readonly verified = new Set<string>();
  private epoch: string | undefined;
  runs = 0;

  constructor(
    private readonly view: ServerView,
    private readonly violations: Set<string>,
  ) {}

  /**
   * After a successful sync run of `tablet`: every item it freed from its outbox is on the server
   * with the same content, and every evidence file of such an item was verified there.
   */
  async after(tablet: Tablet): Promise<void> {
    this.runs++;
    await this.view.refresh();
    if (this.view.epoch !== this.epoch) {
      this.verified.clear();
      this.epoch = this.view.epoch;
    }
    const held = await tablet.view();
    for (const item of held.items) {
      if (held.outbox.has(item.id)) continue;
      const onServer = this.view.items.get(item.id);
      if (onServer === undefined) this.violations.add(`${tablet.name} freed ${item.kind} seq ${item.seq} (${item.id}), which the server does not hold`);
      else if (!sameItem(onServer, item)) this.violations.add(`${tablet.name} freed seq ${item.seq} (${item.id}), but the server holds other content`);
      const sha = shaOf(item);
      if (sha === undefined || this.verified.has(sha)) continue;
      if ((await this.view.blobSize(sha)) === undefined) this.violations.add(`${tablet.name} freed evidence ${item.id}, whose file ${sha.slice(0, 12)}… the server never verified`);
      else this.verified.add(sha);
    }
  }
}

export interface Counts {
  readonly produced: number;
  readonly onServer: number;
  readonly duplicated: number;
  readonly lost: number;
  /** On the server but produced by no tablet. */
  readonly foreign: number;
  /** On the server with content other than the tablet's. */
  readonly mismatched: number;
  readonly evidence: { readonly files: number; readonly verified: number; readonly missing: number };
  readonly outboxLeft: number;
}

export async function finalCounts(tablets: readonly Tablet[], view: ServerView): Promise<Counts> {
  await view.refresh();
  const produced = new Map<string, SyncItem>();
  let outboxLeft = 0;
  for (const tablet of tablets) {
    const held = await tablet.view();
    outboxLeft += held.outbox.size;
    for (const item of held.items) produced.set(item.id, item);
  }
  let lost = 0;
  let mismatched = 0;
  for (const [id, item] of produced) {
    const onServer = view.items.get(id);
    if (onServer === undefined) lost++;
    else if (!sameItem(onServer, item)) mismatched++;
  }
  const foreign = [...view.items.keys()].filter((id) => !produced.has(id)).length;
  // Client ids make a second copy under another id impossible; a device's seq is counted to be sure.
  const slots = new Set([...view.items.values()].map((i) => `${i.deviceId}|${i.seq}`));
  const duplicated = view.duplicateRows + (view.items.size - slots.size);
  const shas = new Set([...view.items.values()].map(shaOf).filter((s): s is string => s !== undefined));
  let verified = 0;
  for (const sha of shas) if ((await view.blobSize(sha)) !== undefined) verified++;
  return {
    produced: produced.size,
    onServer: view.items.size,
    duplicated,
    lost,
    foreign,
    mismatched,
    evidence: { files: shas.size, verified, missing: shas.size - verified },
    outboxLeft,
  };
}

/**
 * Records shown differently by two tablets, or by a tablet and the server (its items folded
 * with the domain's fold, CS5), after every tablet synced to the end. Each is named once.
 */
export async function disagreements(tablets: readonly Tablet[], view: ServerView): Promise<string[]> {
  // One after the other: the tablets share the store's one database slot (tablet.ts).
  const states: { name: string; lines: ReadonlyMap<string, string> }[] = [];
  for (const t of tablets) states.push({ name: t.name, lines: await t.state() });
  const events = [...view.items.values()].filter((i) => i.kind === 'case_event').map((i) => i.payload as CaseEvent);
  const server = new Map([...foldAll(events).values()].map((c) => [`case ${c.id}`, caseLine(c)]));
  const keys = new Set([...states.flatMap((s) => [...s.lines.keys()]), ...server.keys()]);
  const found: string[] = [];
  for (const key of keys) {
    const seen = states.map((s) => `${s.name}: ${s.lines.get(key) ?? 'absent'}`);
    const values = new Set(states.map((s) => s.lines.get(key)));
    if (key.startsWith('case ')) values.add(server.get(key));
    if (values.size > 1) found.push(`${key}: ${seen.join('; ')}${key.startsWith('case ') ? `; server: ${server.get(key) ?? 'absent'}` : ''}`);
  }
  return found;
}
