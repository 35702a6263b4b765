import type { Exhibitor } from '../domain/exhibitor';
import { normaliseText } from '../domain/text';
import { boothKey } from '../domain/validators/booth';

/**
 * The exhibitor search's index (exhibitor-search.ts): each exhibitor's searched fields folded
 * into one line, and the lines joined into runs of a few lines each; a changed list folds and
 * joins again only the lines and runs it touches.
 */

/** Folds case, width (NFKC, TX1), spaces and hyphens, so `nanshan elec`, `ＮＡＮＳＨＡＮ-ELEC` and `NanshanElec` are one query. */
export const foldExhibitorQuery = (text: string): string =>
  normaliseText(text)
    .toUpperCase()
    // eslint-disable-next-line no-control-regex -- the separators of the folded text are never part of a query
    .replace(/[-\s\u0000-\u001f]/g, '');

/** A mainland number also as dialled at home: `+867551234567` is found by `0755…` too. */
const phoneForms = (phone: string): string => (phone.startsWith('+86') ? `${phone}\u0001` + `0${phone.slice(3)}` : phone);

/**
 * Whether folding would change `s`: a lower-case or non-ASCII letter, a space or a hyphen. Chinese
 * ideographs have no case and are no space, so a Chinese name, a booth, a USCC or a phone is kept as
 * it is, without a Unicode case mapping of the whole line or a new string per field.
 */
function needsFold(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
    } else if (c < 0x4e00 || c > 0x9fff) return true;
  }
  return false;
}

/** One field folded like a query (upper case, no spaces or hyphens); the same whole line or field by field, as both are per character. */
const fold = (s: string): string => (needsFold(s) ? s.toUpperCase().replace(/[-\s]/g, '') : s);

/**
 * One exhibitor's searched fields, folded like a query, separated so that no match spans two of
 * them. Stored text is already normalised by the domain's schemas, so only case, spaces and
 * hyphens are folded here, and only in the fields that have any.
 */
export function exhibitorHaystack(e: Exhibitor): string {
  // Joined, not concatenated: one flat string, which the index's text copies fastest.
  const fields = [fold(e.nameZh)];
  if (e.nameEn !== undefined) fields.push(fold(e.nameEn));
  for (const b of e.booths) fields.push(fold(boothKey(b)));
  if (e.uscc !== undefined) fields.push(fold(e.uscc));
  if (e.foreignRegNo !== undefined) fields.push(fold(e.foreignRegNo));
  for (const c of e.contacts) fields.push(fold(c.name), fold(phoneForms(c.phone)));
  return fields.join('\u0001');
}

/** Whether two versions of an exhibitor have the same searched fields, so the same haystack (compared as stored: no folding). */
function sameSearchedFields(a: Exhibitor, b: Exhibitor): boolean {
  if (a.nameZh !== b.nameZh || a.nameEn !== b.nameEn || a.uscc !== b.uscc || a.foreignRegNo !== b.foreignRegNo) return false;
  if (a.booths.length !== b.booths.length || a.contacts.length !== b.contacts.length) return false;
  for (let i = 0; i < a.booths.length; i++) {
    const x = a.booths[i] as Exhibitor['booths'][number];
    const y = b.booths[i] as Exhibitor['booths'][number];
    if (x.hall !== y.hall || x.stand !== y.stand) return false;
  }
  for (let i = 0; i < a.contacts.length; i++) {
    const x = a.contacts[i] as Exhibitor['contacts'][number];
    const y = b.contacts[i] as Exhibitor['contacts'][number];
    if (x.name !== y.name || x.phone !== y.phone) return false;
  }
  return true;
}

/** A few consecutive lines of the index as one text. */
export interface LineRun {
  /** The run's lines, one per line. */
  readonly text: string;
  /** Where each of its lines starts in `text` (ascending: a match position finds its line). */
  readonly starts: Int32Array;
}

export interface ExhibitorSearchIndex {
  /** The exhibitors in list order (first booth). */
  readonly exhibitors: readonly Exhibitor[];
  /** Each exhibitor's haystack (exhibitorHaystack), in list order: a narrowed search reads only its matches' lines. */
  readonly lines: readonly string[];
  /**
   * The lines in runs of a few, in list order: a full search is an `indexOf` per run and per hit,
   * and a change of the list joins again only the runs it touches, not one text of every line.
   */
  readonly runs: readonly LineRun[];
  /** The position in the list of each run's first line (ascending). */
  readonly runStarts: Int32Array;
  /** The run holding each line. */
  readonly runOf: Int32Array;
}

/** A run ends after a line picked by the line itself, so unchanged stretches of a changed list cut into the same runs as before. */
const endsRun = (line: string): boolean => ((line.length * 31 + line.charCodeAt(line.length - 1)) & 15) === 0;
/** The longest run: a stretch of lines none of which ends a run is still cut. */
const MAX_RUN = 64;
/** How far ahead in the previous list an exhibitor is looked for before its position is looked up by id. */
const LOOKAHEAD = 8;

const indexes = new WeakMap<readonly Exhibitor[], ExhibitorSearchIndex>();
const positionsById = new WeakMap<ExhibitorSearchIndex, Map<string, number>>();

/** Each exhibitor's position in an index, by id: made once, when a newer list is far out of step with it. */
function positionsOf(index: ExhibitorSearchIndex): Map<string, number> {
  let byId = positionsById.get(index);
  if (byId === undefined) {
    byId = new Map();
    for (let i = 0; i < index.exhibitors.length; i++) byId.set((index.exhibitors[i] as Exhibitor).id, i);
    positionsById.set(index, byId);
  }
  return byId;
}

/**
 * Where each exhibitor's line is in `previous` (-1 where it must be folded afresh: added, or its
 * searched fields changed), and the lines. Both lists are in booth order, so an unchanged
 * exhibitor is found at or just after the previous match; only a list far out of step looks ids up.
 */
function reuseLines(exhibitors: readonly Exhibitor[], previous: ExhibitorSearchIndex | undefined): { lines: string[]; from: Int32Array } {
  const n = exhibitors.length;
  const lines = new Array<string>(n);
  const from = new Int32Array(n).fill(-1);
  const before = previous?.exhibitors ?? [];
  let next = 0;
  let misses = 0;
  let byId: Map<string, number> | undefined;
  for (let i = 0; i < n; i++) {
    const e = exhibitors[i] as Exhibitor;
    let p = -1;
    if (byId === undefined) {
      for (let d = next; d < next + LOOKAHEAD && d < before.length; d++) {
        if ((before[d] as Exhibitor).id === e.id) {
          p = d;
          break;
        }
      }
      if (p < 0 && previous !== undefined && before.length > 0 && ++misses > LOOKAHEAD) byId = positionsOf(previous);
    }
    if (p < 0 && byId !== undefined) p = byId.get(e.id) ?? -1;
    if (p >= 0) {
      next = p + 1;
      misses = 0;
      const old = before[p] as Exhibitor;
      if (old === e || sameSearchedFields(old, e)) {
        lines[i] = previous?.lines[p] as string;
        from[i] = p;
        continue;
      }
    }
    lines[i] = exhibitorHaystack(e);
  }
  return { lines, from };
}

/** The previous index's run of lines `start` … `end - 1`, when they are all its lines, in its order, as one of its runs. */
function keptRun(previous: ExhibitorSearchIndex | undefined, from: Int32Array, start: number, end: number): LineRun | undefined {
  const p = from[start] as number;
  if (previous === undefined || p < 0) return undefined;
  const r = previous.runOf[p] as number;
  const run = previous.runs[r] as LineRun;
  if (previous.runStarts[r] !== p || run.starts.length !== end - start) return undefined;
  for (let i = start + 1; i < end; i++) if (from[i] !== p + (i - start)) return undefined;
  return run;
}

function makeRun(lines: readonly string[], start: number, end: number): LineRun {
  const starts = new Int32Array(end - start);
  let at = 0;
  for (let i = start; i < end; i++) {
    starts[i - start] = at;
    at += (lines[i] as string).length + 1;
  }
  return { text: lines.slice(start, end).join('\n'), starts };
}

/**
 * The index of one list, built once and kept while the list lives (a live read hands out a new
 * array only on a change). Given the `previous` index (of the list before the change), only the
 * exhibitors added or changed since are folded and only the runs holding them joined again: every
 * other line is the previous one, kept while the exhibitor's searched fields are the same. A pulled
 * page of changes then costs about its own rows, not the fair's whole list.
 */
export function exhibitorSearchIndex(exhibitors: readonly Exhibitor[], previous?: ExhibitorSearchIndex): ExhibitorSearchIndex {
  const cached = indexes.get(exhibitors);
  if (cached !== undefined) return cached;
  const { lines, from } = reuseLines(exhibitors, previous);
  const runs: LineRun[] = [];
  const runStarts: number[] = [];
  const runOf = new Int32Array(lines.length);
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 < lines.length && i + 1 - start < MAX_RUN && !endsRun(lines[i] as string)) continue;
    runOf.fill(runs.length, start, i + 1);
    runStarts.push(start);
    runs.push(keptRun(previous, from, start, i + 1) ?? makeRun(lines, start, i + 1));
    start = i + 1;
  }
  const index = { exhibitors, lines, runs, runStarts: Int32Array.from(runStarts), runOf };
  indexes.set(exhibitors, index);
  return index;
}
