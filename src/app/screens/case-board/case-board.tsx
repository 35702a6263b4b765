import { A } from '@solidjs/router';
import { createVirtualizer } from '@tanstack/solid-virtual';
import { createEffect, For, on, onMount, Show, type JSX } from 'solid-js';
import { CASE_STATES, IP_TYPES } from '../../../domain/codes';
import { urgency } from '../../../domain/case/deadlines';
import { formatInZone } from '../../../domain/time';
import type { CaseRow } from '../../../store/cases';
import { t } from '../../i18n/index';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { SelectField, TextField } from '../../ui/field';
import { BOARD_SORTS, countdownParts, isOverdueRow } from './board-model';
import { minuteNow, secondNow } from './board-clock';
import { createBoard, type Board } from './case-board.data';
import './case-board.css';

/** Row height of the virtual list, px (two lines of text on a 10-inch tablet). */
const ROW_HEIGHT = 68;

/** After the browser has painted what the last render produced (rAF runs before the paint). */
const afterPaint = (fn: () => void): void => void requestAnimationFrame(() => setTimeout(fn, 0));

/** The case board (issue 6 §4, DOMAIN.md DL8): every open case, overdue first, filters, search. */
export function CaseBoardScreen(): JSX.Element {
  const app = useAppState();
  // P3: the bench measures from the navigation to the first painted rows.
  performance.mark('board-route');
  return (
    <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
      {(fairId) => <SignedIn>{() => <BoardView fairId={fairId} />}</SignedIn>}
    </Show>
  );
}

function BoardView(props: { readonly fairId: string }): JSX.Element {
  // Created once per mount (a prop holding a call would re-run it on every read).
  // eslint-disable-next-line solid/reactivity -- the fair is fixed for this mount (keyed above)
  const board = createBoard(props.fairId);
  const b = (): Board => board;
  const app = useAppState();
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  let scroller: HTMLDivElement | undefined;
  const virtualizer = createVirtualizer({
    get count() {
      return b().visible().length;
    },
    getScrollElement: () => scroller ?? null,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Rows paint in the very first frame, before the scroller has been measured.
    initialRect: { width: 1000, height: 560 },
    // Keyed by position (the default): a key per row would read the list 10,000 times per change.
  });
  let generation = 0;
  onMount(() => {
    createEffect(
      on(
        () => b().loaded(),
        (loaded) => {
          if (!loaded) return;
          afterPaint(() => {
            performance.mark('board-rows-painted');
            document.documentElement.dataset.boardPainted = 'true';
          });
        },
      ),
    );
  });
  // P3 filter/sort: each new result is marked once painted (the bench reads the generation).
  createEffect(
    on(
      () => b().visible(),
      () => {
        const gen = ++generation;
        // A new result starts at its top (scrolling only when needed: a scroll re-measures).
        if (scroller !== undefined && scroller.scrollTop > 0) scroller.scrollTop = 0;
        afterPaint(() => {
          if (scroller !== undefined) scroller.dataset.generation = String(gen);
          performance.mark(`board-result-${gen}`);
        });
      },
      { defer: true },
    ),
  );
  return (
    <div class="board">
      <div class="board-head">
        <h1>{t('board.title')}</h1>
        <span class="board-count" data-testid="board-open-count">
          {t('board.openCount', { count: b().openCount() })}
        </span>
        <span class="board-overdue" classList={{ none: b().overdue() === 0 }} data-testid="board-overdue-count" data-count={b().overdue()}>
          {t('board.overdueCount', { count: b().overdue() })}
        </span>
        <span class="board-count" data-testid="board-shown-count" data-count={b().visible().length}>
          {t('board.shown', { count: b().visible().length })}
        </span>
      </div>
      <div class="board-filters" data-testid="board-filters">
        <TextField name="search" type="search" inputMode="search" label={t('common.search')} placeholder={t('board.searchHint')} value={b().filter().text} onInput={(v) => b().setFilter({ text: v })} />
        <SelectField name="hall" label={t('board.hall')} value={b().filter().hall} options={[{ value: '', label: t('board.all') }, ...b().halls().map((h) => ({ value: h, label: h }))]} onChange={(v) => b().setFilter({ hall: v })} />
        <SelectField
          name="state"
          label={t('board.state')}
          value={b().filter().state}
          options={[{ value: '' as const, label: t('board.all') }, ...CASE_STATES.filter((s) => s !== 'CLOSED').map((s) => ({ value: s, label: t(`board.state.${s}`) }))]}
          onChange={(v) => b().setFilter({ state: v })}
        />
        <SelectField
          name="ipType"
          label={t('board.ipType')}
          value={b().filter().ipType}
          options={[{ value: '' as const, label: t('board.all') }, ...IP_TYPES.map((x) => ({ value: x, label: t(`ipType.${x}`) }))]}
          onChange={(v) => b().setFilter({ ipType: v })}
        />
        <SelectField name="expert" label={t('board.expert')} value={b().filter().expert} options={[{ value: '', label: t('board.all') }, ...b().experts().map((e) => ({ value: e.id, label: e.name }))]} onChange={(v) => b().setFilter({ expert: v })} />
        <SelectField name="sort" label={t('board.sort')} value={b().filter().sort} options={BOARD_SORTS.map((s) => ({ value: s, label: t(`board.sort.${s}`) }))} onChange={(v) => b().setFilter({ sort: v })} />
      </div>
      <div class="board-row board-header" aria-hidden="true">
        <span>{t('board.colCase')}</span>
        <span>{t('board.colParties')}</span>
        <span>{t('board.colBooth')}</span>
        <span>{t('board.colState')}</span>
        <span>{t('board.colDeadline')}</span>
      </div>
      <Show when={b().loaded()} fallback={<p class="muted">{t('common.loading')}</p>}>
        {/* The scroller stays mounted even when nothing matches: the virtualizer observes this element. */}
        <div class="board-scroll" ref={scroller} data-testid="board-list" data-generation="0">
          <Show when={b().visible().length === 0}>
            <p class="muted board-empty" data-testid="board-empty">
              {b().openCount() === 0 ? t('board.noCases') : t('board.noMatch')}
            </p>
          </Show>
          <div class="board-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            <For each={virtualizer.getVirtualItems()}>
              {(item) => (
                <Show when={b().visible()[item.index]}>
                  {(row) => <BoardRow row={row()} top={item.start} zone={zone()} expertName={(id) => b().expertName(id)} />}
                </Show>
              )}
            </For>
          </div>
        </div>
      </Show>
    </div>
  );
}

function BoardRow(props: { readonly row: CaseRow; readonly top: number; readonly zone: string; readonly expertName: (id: string) => string }): JSX.Element {
  const overdue = (): boolean => isOverdueRow(props.row, minuteNow());
  const level = (): string => {
    const d = props.row.nextDeadline;
    return d === undefined ? 'normal' : urgency(d, secondNow());
  };
  return (
    <A
      href={`/cases/${props.row.id}`}
      class="board-row"
      classList={{ overdue: overdue(), amber: level() === 'amber', red: level() === 'red' }}
      style={{ transform: `translateY(${props.top}px)` }}
      data-testid="board-row"
      data-case-no={props.row.caseNo}
      data-overdue={String(overdue())}
    >
      <span class="cell-case">
        <strong class="mono">{props.row.caseNo}</strong>
        <span class="flags">
          <Show when={overdue()}>
            <span class="tag red">{t('board.overdue')}</span>
          </Show>
          <For each={props.row.flags}>{(f) => <span class="tag">{t(`board.flag.${f}`)}</span>}</For>
        </span>
      </span>
      <span class="cell-parties">
        <span>{partyName(props.row.complainant)}</span>
        <span class="muted">→ {partyName(props.row.respondent)}</span>
      </span>
      <span class="cell-booth">
        <strong>{props.row.booth}</strong>
        <span class="muted">{props.row.ipTypes.map((x) => t(`ipType.${x}`)).join('、')}</span>
      </span>
      <span class="cell-state">
        <span>{t(`board.state.${props.row.state}`)}</span>
        <span class="muted">{props.row.experts.map((e) => props.expertName(e)).join('、')}</span>
      </span>
      <span class="cell-deadline">
        <Show when={props.row.nextDeadline} fallback={<span class="muted">—</span>}>
          {(d) => (
            <>
              <span>
                {formatInZone(d().dueAt, props.zone)}
                <Show when={d().capped}>
                  <span class="tag">{t('board.capped')}</span>
                </Show>
              </span>
              <Countdown dueAt={d().dueAt} label={t(`fair.window.${d().kind}`)} />
            </>
          )}
        </Show>
      </span>
    </A>
  );
}

function Countdown(props: { readonly dueAt: CaseRow['receivedAt']; readonly label: string }): JSX.Element {
  const parts = () => countdownParts(props.dueAt, secondNow());
  const text = (): string => {
    const p = parts();
    const hms = `${p.hours}:${String(p.minutes).padStart(2, '0')}:${String(p.seconds).padStart(2, '0')}`;
    return p.overdue ? t('board.overdueBy', { time: hms }) : t('board.left', { time: hms });
  };
  return (
    <span>
      <span class="muted">{props.label} · </span>
      <strong class="countdown" data-testid="countdown">
        {text()}
      </strong>
    </span>
  );
}

/** A party as the row carries it: a name, or a record with one. */
function partyName(p: unknown): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'object' && p !== null && 'name' in p && typeof p.name === 'string') return p.name;
  return '—';
}
