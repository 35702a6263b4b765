import { batch, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { afterPaint } from '../lib/frames';

/**
 * A window over a long list of fixed-height rows (P3): only the rows in sight, and a few spare
 * ones, are rendered. The scroll position and the viewport's height are signals (from the scroll
 * event and a ResizeObserver), so no render reads layout; a screen renders `range()` of its items
 * by position (`<Index>`), so a new result rewrites the text of the same dozen row elements
 * instead of building new ones, and places each at `top(i)` inside a box of `height()`.
 * Plain values in, no store (a widget of `app/ui`).
 */
export interface ListWindowOptions {
  /** How many rows the list has now. */
  readonly count: Accessor<number>;
  /** Every row's height, px. */
  readonly rowHeight: number;
  /**
   * Rows rendered above and below the viewport, so a flick shows no blank before the next frame.
   * Added only from the frame after the first rows are painted (see `painted`).
   */
  readonly overscan?: number;
  /** The viewport's height before the first ResizeObserver report, px: about the real one, so the first paint renders what it shows and little more. */
  readonly initialViewport: number;
  /** Space above the first row inside the scroller (a sticky header of this height), px. */
  readonly offsetTop?: number;
}

export interface ListWindow {
  /** The rows to render: [start, end) of the list. */
  readonly range: Accessor<{ readonly start: number; readonly end: number }>;
  /** Where the first row not in sight starts, relative to `start`: rows from there are spare. */
  readonly inView: Accessor<number>;
  /** The height of the box holding every row, px. */
  readonly height: Accessor<number>;
  /** Row `i`'s offset from the top of that box, px. */
  readonly top: (i: number) => number;
  /** Use as the scroller's `ref`: its size is observed and its scroll followed. */
  readonly scroller: (el: HTMLElement) => void;
  /** Call once the first rows are painted: the spare rows come from then on. */
  painted(): void;
  /**
   * A new result is being shown: back to the top (in the same render as the result), and spare
   * rows keep what they showed until it is painted (`settled` false meanwhile), so the result does not wait for rows out of sight.
   */
  showNewResult(apply: () => void): void;
  /** False from `showNewResult` until its result is painted. */
  readonly settled: Accessor<boolean>;
}

export function createListWindow(options: ListWindowOptions): ListWindow {
  const rowHeight = options.rowHeight;
  const offset = options.offsetTop ?? 0;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal(options.initialViewport);
  const [overscan, setOverscan] = createSignal(0);
  const [settled, setSettled] = createSignal(true);
  let element: HTMLElement | undefined;

  const bounds = createMemo(
    () => {
      const count = options.count();
      const scrolled = Math.max(0, scrollTop() - offset);
      const first = Math.min(count, Math.floor(scrolled / rowHeight));
      const inView = Math.min(count, Math.ceil((scrolled + viewport()) / rowHeight));
      const start = Math.max(0, first - overscan());
      return { start, inView, end: Math.min(count, inView + overscan()) };
    },
    undefined,
    { equals: (a, b) => a.start === b.start && a.end === b.end && a.inView === b.inView },
  );
  const range = createMemo(
    () => {
      const { start, end } = bounds();
      return { start, end };
    },
    undefined,
    { equals: (a, b) => a.start === b.start && a.end === b.end },
  );

  const scroller = (el: HTMLElement): void => {
    element = el;
    const observer = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height;
      if (h !== undefined && h > 0) setViewport(h);
    });
    observer.observe(el);
    const onScroll = (): void => void setScrollTop(el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    onCleanup(() => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
    });
  };

  return {
    range,
    inView: () => bounds().inView - bounds().start,
    height: () => options.count() * rowHeight,
    top: (i) => i * rowHeight,
    scroller,
    painted: () => void setOverscan(options.overscan ?? 0),
    showNewResult(apply) {
      const scrolled = scrollTop() > 0;
      batch(() => {
        if (scrolled) setScrollTop(0);
        setSettled(false);
        apply();
      });
      afterPaint(() => setSettled(true));
      if (scrolled && element !== undefined) element.scrollTop = 0;
    },
    settled,
  };
}

/** What a window reads of a list: its rows from `start` to `end` (an array is one). */
export interface Sliceable<T> {
  slice(start: number, end: number): readonly T[];
}

/**
 * The items of `range()`, for `<Index>`: while a new result is not yet painted, the spare rows
 * past the viewport keep the items they had (their elements are reused, not rebuilt; P3).
 */
export function windowItems<T>(items: Accessor<Sliceable<T>>, window: ListWindow): Accessor<{ readonly start: number; readonly items: readonly T[] }> {
  const shown = createMemo<{ readonly start: number; readonly items: readonly T[] }>((prev) => {
    const { start, end } = window.range();
    const slice = [...items().slice(start, end)];
    if (!window.settled() && prev?.start === start) {
      for (let i = window.inView(); i < slice.length; i++) slice[i] = prev.items[i] ?? (slice[i] as T);
    }
    return { start, items: slice };
  });
  return shown;
}
