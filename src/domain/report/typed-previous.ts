import { figureKind, isFigureKey } from './figures';
import type { FigureKey, Figures } from './figures';
import { PreviousFigures } from './summary-schema';

/**
 * A previous-session value as the organizer types it, in the figure's unit (§10 display rules):
 * counts and minutes whole, rates in % with at most two decimals (stored in basis points). The
 * tablet's summary screen and the console's (CO42) parse with this one function.
 */
export type TypedValue = { readonly ok: true; readonly id: FigureKey; readonly value: number } | { readonly ok: false; readonly code: string };

export function parseTyped(id: string, text: string): TypedValue {
  if (!isFigureKey(id)) return { ok: false, code: 'UNKNOWN_FIGURE' };
  const t = text.trim();
  const kind = figureKind(id);
  const m = kind === 'rate' ? /^\d{1,3}(\.\d{1,2})?$/.exec(t) : /^\d{1,9}$/.exec(t);
  if (m === null) return { ok: false, code: 'NOT_A_NUMBER' };
  const value = kind === 'rate' ? Math.round(Number(t) * 100) : Number(t);
  const parsed = PreviousFigures.safeParse({ [id]: value });
  if (!parsed.success) return { ok: false, code: parsed.error.issues[0]?.message ?? 'INVALID' };
  return { ok: true, id, value };
}

/** Typed texts (figure id → text) as figure values; the ones that do not parse are left out. */
export function typedFigures(values: Readonly<Record<string, string>>): Partial<Figures> {
  const out: Record<string, number> = {};
  for (const [id, text] of Object.entries(values)) {
    const p = parseTyped(id, text);
    if (p.ok) out[id] = p.value;
  }
  return out as Partial<Figures>;
}

/** A stored value back as the organizer would type it: `75.5` for 7,550 bp, `12` for a count. */
export const typedText = (id: FigureKey, value: number): string => (figureKind(id) === 'rate' ? String(value / 100) : String(value));
