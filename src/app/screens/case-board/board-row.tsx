import { createMemo, For, Show, type JSX } from 'solid-js';
import { urgency } from '../../../domain/case/deadlines';
import { formatInZone, type Instant } from '../../../domain/time';
import type { CaseRow } from '../../../store/cases';
import { t } from '../../i18n/index';
import { countdownParts, isOverdueRow } from './board-model';
import { minuteNow, secondNow } from './board-clock';

/**
 * One row of the case board (issue 6 §4, DL8). P3: a filter rewrites the text of the same dozen
 * rows, so what costs is the browser's style, layout and paint of them, not the script. Hence a
 * flat row: five absolutely placed cells (no grid or flex to size from the content, no intrinsic
 * measuring), each ONE run of inline text whose two lines are split by a newline (`white-space:
 * pre`: one inline layout per cell, not one per line), every row and cell a `contain: strict`
 * box of a fixed size (a change inside one cell lays out that cell only), the overdue bar a
 * pseudo-element (no border that shifts the columns). The classes `cell-booth strong` and `cell-state > span` are
 * what the e2e test reads.
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

export function BoardRow(props: { readonly row: CaseRow; readonly top: number; readonly zone: string; readonly expertName: (id: string) => string }): JSX.Element {
  const overdue = createMemo(() => isOverdueRow(props.row, minuteNow()));
  // One class string per row (overdue, and the urgency the second clock moves), set in one write.
  const rowClass = createMemo(() => {
    const d = props.row.nextDeadline;
    const level = d === undefined ? 'normal' : urgency(d, secondNow());
    return `board-row${overdue() ? ' overdue' : ''}${level === 'normal' ? '' : ` ${level}`}`;
  });
  // A plain link: the router handles its click (no per-row route matching, P3).
  return (
    <a
      href={`/cases/${props.row.id}`}
      class={rowClass()}
      style={{ transform: `translateY(${props.top}px)` }}
      data-testid="board-row"
      data-case-no={props.row.caseNo}
      data-overdue={String(overdue())}
    >
      <span class="bc cell-case">
        <strong class="mono">{props.row.caseNo}</strong>
        {'\n'}
        <span class="flags">
          <Show when={overdue()}>
            <span class="tag red">{t('board.overdue')}</span>
          </Show>
          <For each={props.row.flags}>{(f) => <span class="tag">{t(`board.flag.${f}`)}</span>}</For>
        </span>
      </span>
      <span class="bc cell-parties">
        <span>{partyName(props.row.complainant)}</span>
        {'\n'}
        <span class="muted">{`→ ${partyName(props.row.respondent)}`}</span>
      </span>
      <span class="bc cell-booth">
        <strong>{props.row.booth}</strong>
        {'\n'}
        <span class="muted">{props.row.ipTypes.map((x) => t(`board.ipShort.${x}`)).join('、')}</span>
      </span>
      <span class="bc cell-state">
        <span>{t(`board.state.${props.row.state}`)}</span>
        {'\n'}
        <span class="muted">{props.row.experts.map((e) => props.expertName(e)).join('、')}</span>
      </span>
      <span class="bc cell-deadline">
        <Show when={props.row.nextDeadline} fallback={<span class="muted">—</span>}>
          {(d) => (
            <>
              <span>
                {dueText(d().dueAt, props.zone)}
                <Show when={d().capped}>
                  <span class="tag">{t('board.capped')}</span>
                </Show>
              </span>
              {'\n'}
              <Countdown dueAt={d().dueAt} label={t(`fair.window.${d().kind}`)} />
            </>
          )}
        </Show>
      </span>
    </a>
  );
}

/** DL8: the live countdown (the second clock), after the deadline's kind. */
function Countdown(props: { readonly dueAt: Instant; readonly label: string }): JSX.Element {
  const text = (): string => {
    const p = countdownParts(props.dueAt, secondNow());
    const hms = `${p.hours}:${String(p.minutes).padStart(2, '0')}:${String(p.seconds).padStart(2, '0')}`;
    return p.overdue ? t('board.overdueBy', { time: hms }) : t('board.left', { time: hms });
  };
  // The countdown first: on a narrow column (English) the label is what the ellipsis cuts.
  return (
    <span>
      <strong class="countdown" data-testid="countdown">
        {text()}
      </strong>
      <span class="muted">{` · ${props.label}`}</span>
    </span>
  );
}

/** A party as the row carries it: a name, or a record with one. */
function partyName(p: unknown): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'object' && p !== null && 'name' in p && typeof p.name === 'string') return p.name;
  return '—';
}
