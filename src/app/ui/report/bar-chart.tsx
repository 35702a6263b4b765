import { For, Show, type JSX } from 'solid-js';

/**
 * A horizontal bar chart in plain SVG. Why not a chart library: the charts are a handful of
 * category counts (outcomes, IP types, reasons, halls); chart.js (~200 kB) or uPlot (time series)
 * would add a chunk larger than the whole screen for what 40 lines draw, and SVG prints crisply
 * on the A4 report, which a canvas chart does not without extra work.
 */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const ROW = 22;
const BAR_W = 160;
// Room for the longest label at 13 px: a CJK character is about a full em, a Latin one about half.
const labelWidth = (bars: readonly Bar[]): number =>
  Math.min(300, Math.max(60, ...bars.map((b) => [...b.label].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 13 : 7.2), 12))));

export function BarChart(props: { readonly title: string; readonly bars: readonly Bar[]; readonly testId: string; readonly empty: string }): JSX.Element {
  const max = (): number => Math.max(1, ...props.bars.map((b) => b.value));
  const labelW = (): number => labelWidth(props.bars);
  return (
    <figure class="bar-chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <Show when={props.bars.some((b) => b.value > 0)} fallback={<p class="muted">{props.empty}</p>}>
        <svg viewBox={`0 0 ${labelW() + BAR_W + 40} ${props.bars.length * ROW}`} width={labelW() + BAR_W + 40} height={props.bars.length * ROW} role="img" aria-label={props.title}>
          <For each={props.bars}>
            {(b, i) => (
              <g transform={`translate(0 ${i() * ROW})`}>
                <text x={labelW() - 8} y={ROW / 2 + 5} text-anchor="end" class="bar-label">
                  {b.label}
                </text>
                <rect x={labelW()} y={4} height={ROW - 8} width={(b.value / max()) * BAR_W} class="bar" />
                <text x={labelW() + (b.value / max()) * BAR_W + 6} y={ROW / 2 + 5} class="bar-value">
                  {b.value}
                </text>
              </g>
            )}
          </For>
        </svg>
      </Show>
    </figure>
  );
}
