/**
 * The board's performance marks (P3), named in one place: the screen marks them, the board bench
 * (test/bench/board.bench.ts) waits for them.
 */
export const BOARD_MARKS = {
  /** The board came on screen (the navigation to `/board`). */
  route: 'board-route',
  /** Its rows are painted after it came on screen (first paint). */
  rowsPainted: 'board-rows-painted',
  /** Result `n` of a filter or order is painted: this prefix and `n`. */
  resultPrefix: 'board-result-',
} as const;

/** The board came on screen. */
export function markBoardRoute(): void {
  performance.mark(BOARD_MARKS.route);
}

/** The board's rows are painted after it came on screen. */
export function markBoardRowsPainted(): void {
  performance.mark(BOARD_MARKS.rowsPainted);
  document.documentElement.dataset.boardPainted = 'true';
}

/** Result `generation` is painted: the list says which (the bench reads it), and the mark is set. */
export function markBoardResult(list: HTMLElement | undefined, generation: number): void {
  if (list !== undefined) list.dataset.generation = String(generation);
  performance.mark(`${BOARD_MARKS.resultPrefix}${generation}`);
}
