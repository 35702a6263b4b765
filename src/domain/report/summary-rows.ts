import { figureKind, figureRule, orderedFigureKeys } from './figures';
import type { FigureKey, FigureRule } from './figures';
import { formatBp, formatSignedBp } from './rates';
import type { FigureKind } from './rates';
import type { PostShowSummary } from './summary-schema';

/**
 * The summary as table rows, one per figure in report order, with the §10 display rules applied
 * (rates `42.79`, changes `+72` / `+13.56` / `-2.10` percentage points, "—"): what the CSV, XLSX
 * and printed report show, so every export writes the same digits. Headers and figure names are
 * the app's (zh-CN and English, by figure id and rule title).
 */
export interface SummaryRow {
  readonly id: FigureKey;
  readonly rule: FigureRule;
  readonly kind: FigureKind;
  /** Current value: a count, a rate in % (two decimals) or minutes; "—" when undefined. */
  readonly value: string;
  /** Previous value, same form; empty when there is none to compare with. */
  readonly prev: string;
  /** Δ: signed count or minutes; for a rate, signed percentage points. */
  readonly delta: string;
  /** Δ% (two decimals, signed); "—" for prev = 0 and for rates. */
  readonly deltaPct: string;
}

const show = (kind: FigureKind, v: number | null | undefined): string => {
  if (v === null || v === undefined) return '—';
  return kind === 'rate' ? formatBp(v) : String(v);
};

const signed = (kind: FigureKind, v: number | null): string => {
  if (v === null) return '—';
  if (kind === 'rate') return formatSignedBp(v);
  return v > 0 ? `+${v}` : String(v);
};

export function summaryRows(s: PostShowSummary): SummaryRow[] {
  return orderedFigureKeys(s.figures).map((id) => {
    const kind = figureKind(id);
    const change = s.changes[id];
    return {
      id,
      rule: figureRule(id),
      kind,
      value: show(kind, s.figures[id]),
      prev: change === undefined ? '' : show(kind, change.prev),
      delta: change === undefined ? '' : signed(kind, change.delta),
      deltaPct: change === undefined ? '' : formatSignedBp(change.deltaPctBp),
    };
  });
}
