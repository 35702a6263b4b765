import { batch, createEffect, createMemo, createRenderEffect, createSignal, Index, on, onCleanup, Show, type JSX } from 'solid-js';
import { CASE_STATES, IP_TYPES } from '../../../domain/codes';
import { t } from '../../i18n/index';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { SelectField, TextField } from '../../ui/field';
import { afterPaint, whenIdle } from '../../lib/frames';
import type { CaseRow } from './case-board.data';
import { BOARD_SCOPES, BOARD_SORTS } from './board-model';
import { BoardRow } from './board-row';
import { createBoard, type Board } from './case-board.data';
import './case-board.css';

/** Row height of the virtual list, px (two lines of text on a 10-inch tablet). */
const ROW_HEIGHT = 68;
/**
 * Rows rendered above and below the viewport, so a flick shows no blank before the next frame.
 * One row (the common default of virtual lists), added in the frame AFTER the first rows are
 * painted, and given its row of a new result in the frame after that result is painted: the
 * spare row is out of sight, so P3 does not wait for it.
 */
const OVERSCAN = 1;
/**
 * The list's height before the first ResizeObserver report: about the scroller's on a 1280×800
 * tablet (≈ 410 px under the filters), so the first paint renders the rows it shows and no more.
 */
const INITIAL_VIEWPORT = 420;

/**
 * The case board (issue 6 §4, DOMAIN.md DL8): every open case, overdue first, filters, search.
 * Kept mounted by the shell, prepared before its first opening (kept-board.tsx); `shown` says whether it is on screen.
 */
export function CaseBoardScreen(props: {
  readonly shown: boolean;
  /** Once its rows are laid out and painted the first time, shown or not (kept-board.tsx prepares it hidden). */
  readonly onPainted?: () => void;
}): JSX.Element {
  const app = useAppState();
  // P3: the bench measures from the navigation to the first painted rows.
  createRenderEffect(() => {
    if (props.shown) performance.mark('board-route');
  });
  return (
    <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
      {(fairId) => <SignedIn>{() => <BoardView fairId={fairId} shown={props.shown} onPainted={() => props.onPainted?.()} />}</SignedIn>}
    </Show>
  );
}

function BoardView(props: { readonly fairId: string; readonly shown: boolean; readonly onPainted: () => void }): JSX.Element {
  // Created once per mount (a prop holding a call would re-run it on every read).
  // eslint-disable-next-line solid/reactivity -- the fair is fixed for this mount (keyed above)
  const board = createBoard(props.fairId);
  const b = (): Board => board;
  const app = useAppState();
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  let scroller: HTMLDivElement | undefined;
  // P3: a hand-made window over fixed-height rows. The scroll position and the viewport height
  // are kept as signals (from the scroll event and a ResizeObserver), so no render reads layout;
  // the rows on screen are a slice of the filtered list, rendered by position (<Index>): a new
  // filter or order rewrites the text of the same dozen row elements instead of rebuilding them.
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal(INITIAL_VIEWPORT);
  const [overscan, setOverscan] = createSignal(0);
  // While a new result is being painted, the spare rows out of sight keep the rows they had: the
  // result does not wait for them, and their elements are reused, not removed and built again.
  const [settled, setSettled] = createSignal(true);
  const windowRows = createMemo<{ readonly start: number; readonly rows: readonly CaseRow[] }>((prev) => {
    const rows = b().visible();
    const first = Math.floor(scrollTop() / ROW_HEIGHT);
    const inView = Math.min(rows.length, Math.ceil((scrollTop() + viewport()) / ROW_HEIGHT));
    const start = Math.max(0, first - overscan());
    const slice = rows.slice(start, Math.min(rows.length, inView + overscan()));
    if (!settled() && prev?.start === start) {
      for (let i = inView - start; i < slice.length; i++) slice[i] = prev.rows[i] ?? (slice[i] as CaseRow);
    }
    return { start, rows: slice };
  });
  /** A new filter or order shows its result from the top (the scroll is reset with it, in one go). */
  const setFilter = (patch: Parameters<Board['setFilter']>[0]): void => {
    const scrolled = scrollTop() > 0;
    batch(() => {
      if (scrolled) setScrollTop(0);
      setSettled(false);
      b().setFilter(patch);
    });
    afterPaint(() => setSettled(true));
    if (scrolled && scroller !== undefined) scroller.scrollTop = 0;
  };
  let generation = 0;
  // P3 first paint: marked each time the board comes on screen with its rows (first opening, and
  // every return to the kept board).
  createEffect(
    on(
      () => props.shown && b().loaded(),
      (ready) => {
        if (!ready) return;
        afterPaint(() => {
          performance.mark('board-rows-painted');
          document.documentElement.dataset.boardPainted = 'true';
          setOverscan(OVERSCAN);
        });
        // The other orders, filter buckets and search texts, built while the desk reads the board, not on the first change.
        whenIdle(() => b().warm());
      },
    ),
  );
  // Laid out and painted once (the kept board is prepared hidden before its first opening); its
  // index is warmed then too (warm() runs once per index: the call on showing is then a no-op).
  createEffect(
    on(b().loaded, (loaded) => {
      if (!loaded) return;
      afterPaint(props.onPainted);
      whenIdle(() => b().warm());
    }),
  );
  // P3 filter/sort: each new result is marked once painted (the bench reads the generation).
  createEffect(
    on(
      () => b().visible(),
      () => {
        const gen = ++generation;
        afterPaint(() => {
          if (scroller !== undefined) scroller.dataset.generation = String(gen);
          performance.mark(`board-result-${gen}`);
        });
      },
      { defer: true },
    ),
  );
  const observeSize = (el: HTMLDivElement): void => {
    scroller = el;
    const observer = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height;
      if (h !== undefined && h > 0) setViewport(h);
    });
    observer.observe(el);
    onCleanup(() => observer.disconnect());
  };
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
        <TextField name="search" type="search" inputMode="search" label={t('board.searchAll')} placeholder={t('board.searchHint')} value={b().filter().text} onInput={(v) => setFilter({ text: v })} />
        <SelectField name="scope" label={t('board.scope')} value={b().filter().scope} options={BOARD_SCOPES.map((s) => ({ value: s, label: t(`board.scope.${s}`) }))} onChange={(v) => setFilter({ scope: v })} />
        <SelectField name="hall" label={t('board.hall')} value={b().filter().hall} options={[{ value: '', label: t('board.all') }, ...b().halls().map((h) => ({ value: h, label: h }))]} onChange={(v) => setFilter({ hall: v })} />
        <SelectField
          name="state"
          label={t('board.state')}
          value={b().filter().state}
          options={[{ value: '' as const, label: t('board.all') }, ...CASE_STATES.map((s) => ({ value: s, label: t(`board.state.${s}`) }))]}
          onChange={(v) => setFilter({ state: v })}
        />
        <SelectField
          name="ipType"
          label={t('board.ipType')}
          value={b().filter().ipType}
          options={[{ value: '' as const, label: t('board.all') }, ...IP_TYPES.map((x) => ({ value: x, label: t(`ipType.${x}`) }))]}
          onChange={(v) => setFilter({ ipType: v })}
        />
        <SelectField name="expert" label={t('board.expert')} value={b().filter().expert} options={[{ value: '', label: t('board.all') }, ...b().experts().map((e) => ({ value: e.id, label: e.name }))]} onChange={(v) => setFilter({ expert: v })} />
        <SelectField name="sort" label={t('board.sort')} value={b().filter().sort} options={BOARD_SORTS.map((s) => ({ value: s, label: t(`board.sort.${s}`) }))} onChange={(v) => setFilter({ sort: v })} />
      </div>
      <div class="board-header" aria-hidden="true">
        <span class="bc cell-case">{t('board.colCase')}</span>
        <span class="bc cell-parties">{t('board.colParties')}</span>
        <span class="bc cell-booth">{t('board.colBooth')}</span>
        <span class="bc cell-state">{t('board.colState')}</span>
        <span class="bc cell-deadline">{t('board.colDeadline')}</span>
      </div>
      <Show when={b().loaded()} fallback={<p class="muted">{t('common.loading')}</p>}>
        {/* The scroller stays mounted even when nothing matches (its size is observed). */}
        <div class="board-scroll" ref={observeSize} data-testid="board-list" data-generation="0" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <Show when={b().visible().length === 0}>
            <p class="muted board-empty" data-testid="board-empty">
              {b().poolCount() > 0 ? t('board.noMatch') : b().filter().scope === 'closed' ? t('board.noClosed') : b().filter().scope === 'all' ? t('board.noAny') : t('board.noCases')}
            </p>
          </Show>
          <div class="board-inner" style={{ height: `${b().visible().length * ROW_HEIGHT}px` }}>
            <Index each={windowRows().rows}>{(row, i) => <BoardRow row={row()} top={(windowRows().start + i) * ROW_HEIGHT} zone={zone()} ticking={props.shown} expertName={(id) => b().expertName(id)} />}</Index>
          </div>
        </div>
      </Show>
    </div>
  );
}
