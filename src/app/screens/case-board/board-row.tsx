import { createRenderEffect, untrack, type JSX } from 'solid-js';
import { urgency } from '../../../domain/case/deadlines';
import { formatInZone, type Instant } from '../../../domain/time';
import type { CaseRow } from './case-board.data';
import { t } from '../../i18n/index';
import { countdownParts, isOverdueRow } from './board-model';
import { minuteNow, secondNow } from './board-clock';

/**
 * One row of the case board (issue 6 §4, DL8). P3: a filter rewrites the text of the same half
 * dozen rows, so the row is built once and then only its text changes:
 * - a flat row: five absolutely placed cells (no grid or flex to size from the content), each
 *   ONE run of inline text whose two lines are split by a newline (`white-space: pre`), every row
 *   and cell a `contain: strict` box of a fixed size (a change inside one cell lays out that cell
 *   only), the overdue bar a pseudo-element;
 * - two effects per row instead of one per field: the content (from the row, the language and the
 *   minute clock) writes every text node at once, and only where the text differs; the second
 *   clock moves the countdown and the urgency colour alone.
 * The classes `cell-booth strong` and `cell-state > span` are what the e2e test reads.
 */

/** The due time as shown (DL8: absolute, in the fair's zone), formatted once per instant and zone. */
const dueTexts = new Map<string, string>();
function dueText(dueAt: Instant, zone: string): string {
  const key = `${zone} ${dueAt}`;
  let text = dueTexts.get(key);
  if (text === undefined) {
    if (dueTexts.size > 50_000) dueTexts.clear();
    text = formatInZone(dueAt, zone);
    dueTexts.set(key, text);
  }
  return text;
}

/** Writes `value` into a text node when it differs (an unchanged text is not laid out again). */
function write(node: Text, value: string): void {
  if (node.data !== value) node.data = value;
}

/** A tag (overdue, a flag, capped) as a small inline label. */
function tag(text: string, red = false): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = red ? 'tag red' : 'tag';
  // Always a text node, even empty: the capped tag's text is written into it (write()).
  span.append(document.createTextNode(text));
  return span;
}

/** DL8: the live countdown text, "3:05:09 left" or "overdue by 0:12:40". */
function countdownText(dueAt: Instant, now: Instant): string {
  const p = countdownParts(dueAt, now);
  const hms = `${p.hours}:${String(p.minutes).padStart(2, '0')}:${String(p.seconds).padStart(2, '0')}`;
  return p.overdue ? t('board.overdueBy', { time: hms }) : t('board.left', { time: hms });
}

export function BoardRow(props: {
  readonly row: CaseRow;
  readonly top: number;
  readonly zone: string;
  /** False while the kept board is hidden: the countdown stops, and catches up when shown. */
  readonly ticking: boolean;
  readonly expertName: (id: string) => string;
}): JSX.Element {
  const text = (): Text => document.createTextNode('');
  const caseNo = text();
  const complainant = text();
  const respondent = text();
  const booth = text();
  const ipTypes = text();
  const state = text();
  const experts = text();
  const due = text();
  const countdown = text();
  const label = text();
  let flags: HTMLSpanElement | undefined;
  let dueLine: HTMLSpanElement | undefined;
  let countLine: HTMLSpanElement | undefined;
  let cappedTag: HTMLSpanElement | undefined;
  let flagsShown = '';

  // A plain link: the router handles its click (no per-row route matching, P3). Its text nodes
  // are the ones above, written by the effects below.
  const view = (
    <a class="board-row" style={{ transform: `translateY(${props.top}px)` }} data-testid="board-row">
      <span class="bc cell-case">
        <strong class="mono">{caseNo}</strong>
        {'\n'}
        <span class="flags" ref={flags} />
      </span>
      <span class="bc cell-parties">
        <span>{complainant}</span>
        {'\n'}
        <span class="muted">{respondent}</span>
      </span>
      <span class="bc cell-booth">
        <strong>{booth}</strong>
        {'\n'}
        <span class="muted">{ipTypes}</span>
      </span>
      <span class="bc cell-state">
        <span>{state}</span>
        {'\n'}
        <span class="muted">{experts}</span>
      </span>
      <span class="bc cell-deadline">
        <span ref={dueLine}>{due}</span>
        {'\n'}
        <span ref={countLine}>
          {/* The countdown first (then a DL4 tag): on a narrow column (English) the label is what the ellipsis cuts. */}
          <strong class="countdown" data-testid="countdown">
            {countdown}
          </strong>
          <span class="muted">{label}</span>
        </span>
      </span>
    </a>
  ) as HTMLAnchorElement;
  // The content: one pass over the row's fields whenever the row, the language or the minute
  // clock (overdue) changes.
  createRenderEffect(() => {
    const r = props.row;
    const overdue = isOverdueRow(r, minuteNow());
    const d = r.nextDeadline;
    view.setAttribute('href', `/cases/${r.id}`);
    view.setAttribute('data-case-no', r.caseNo);
    view.setAttribute('data-overdue', String(overdue));
    write(caseNo, r.caseNo);
    const tags = [...(overdue ? [t('board.overdue')] : []), ...r.flags.map((f) => t(`board.flag.${f}`))];
    const shown = `${String(overdue)}\u0001${tags.join('\u0001')}`;
    if (shown !== flagsShown && flags !== undefined) {
      flagsShown = shown;
      flags.replaceChildren(...tags.map((x, i) => tag(x, overdue && i === 0)));
    }
    write(complainant, partyName(r.complainant));
    write(respondent, `→ ${partyName(r.respondent)}`);
    write(booth, r.booth);
    write(ipTypes, r.ipTypes.map((x) => t(`board.ipShort.${x}`)).join('、'));
    write(state, t(`board.state.${r.state}`));
    write(experts, r.experts.map((e) => props.expertName(e)).join('、'));
    // A closed case (CS6) waits on nothing: its outcome instead of a deadline.
    write(due, d === undefined ? (r.outcome === undefined ? '—' : t(`outcome.${r.outcome}`)) : dueText(d.dueAt, props.zone));
    write(label, d === undefined ? '' : ` · ${t(`fair.window.${d.kind}`)}`);
    if (dueLine !== undefined) dueLine.className = d === undefined ? 'muted' : '';
    // DL4: a window cut short by the fair's close says so, after the countdown (the due time fills
    // its line; the kind's label is what the ellipsis cuts); the tag follows the language too.
    const capped = d?.capped === true;
    if (capped) {
      if (cappedTag === undefined) {
        cappedTag = tag('');
        cappedTag.classList.add('after');
      }
      write(cappedTag.firstChild as Text, t('board.capped'));
    }
    if (countLine !== undefined && cappedTag !== undefined && capped !== cappedTag.isConnected) {
      if (capped) countLine.firstElementChild?.after(cappedTag);
      else cappedTag.remove();
    }
  });
  // The second clock: the countdown and the urgency colour (and overdue, from the minute clock).
  createRenderEffect(() => {
    const r = props.row;
    const d = r.nextDeadline;
    const now = props.ticking ? secondNow() : untrack(secondNow);
    const level = d === undefined ? 'normal' : urgency(d, now);
    const className = `board-row${isOverdueRow(r, minuteNow()) ? ' overdue' : ''}${level === 'normal' ? '' : ` ${level}`}`;
    if (view.className !== className) view.className = className;
    write(countdown, d === undefined ? '' : countdownText(d.dueAt, now));
  });
  return view;
}

/** A party as the row carries it: a name, or a record with one. */
function partyName(p: unknown): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'object' && p !== null && 'name' in p && typeof p.name === 'string') return p.name;
  return '—';
}
