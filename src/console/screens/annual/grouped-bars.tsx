import { For, type JSX } from 'solid-js';

/**
 * Grouped bars in plain SVG, as the report's charts (src/app/ui/report/bar-chart.tsx): per
 * row this period and the year before. Each row is scaled to its own larger value when the rows
 * are different figures (`perRow`), else all to the largest.
 */
export interface BarPair {
  readonly label: string;
  readonly now: number;
  readonly before: number;
}

const ROW = 34;
const BAR_W = 260;
const LABEL_W = 190;

export function GroupedBars(props: {
  readonly title: string;
  readonly pairs: readonly BarPair[];
  readonly legend: { readonly now: string; readonly before: string };
  readonly perRow: boolean;
  readonly testId: string;
}): JSX.Element {
  const max = (p: BarPair): number => Math.max(1, props.perRow ? Math.max(p.now, p.before) : Math.max(...props.pairs.flatMap((x) => [x.now, x.before])));
  const height = (): number => props.pairs.length * ROW + 24;
  return (
    <figure class="bar-chart grouped" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${LABEL_W + BAR_W + 90} ${height()}`} width={LABEL_W + BAR_W + 90} height={height()} role="img" aria-label={props.title}>
        <g>
          <rect x={LABEL_W} y={2} width={12} height={12} class="bar" />
          <text x={LABEL_W + 18} y={13} class="bar-value">{props.legend.now}</text>
          <rect x={LABEL_W + 120} y={2} width={12} height={12} class="bar before" />
          <text x={LABEL_W + 138} y={13} class="bar-value">{props.legend.before}</text>
        </g>
        <For each={props.pairs}>
          {(p, i) => (
            <g transform={`translate(0 ${24 + i() * ROW})`}>
              <text x={LABEL_W - 8} y={ROW / 2 + 4} text-anchor="end" class="bar-label">{p.label}</text>
              <rect x={LABEL_W} y={3} height={13} width={(p.now / max(p)) * BAR_W} class="bar" />
              <text x={LABEL_W + (p.now / max(p)) * BAR_W + 6} y={14} class="bar-value">{p.now.toLocaleString('en')}</text>
              <rect x={LABEL_W} y={17} height={13} width={(p.before / max(p)) * BAR_W} class="bar before" />
              <text x={LABEL_W + (p.before / max(p)) * BAR_W + 6} y={28} class="bar-value">{p.before.toLocaleString('en')}</text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
}
