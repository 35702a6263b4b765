import type { FigureKey, Figures } from '../../domain/report/figures';
import { num, type SqlClient, type SqlRunner } from '../storage/sql';
import { audit, type Actor } from './audit';

/**
 * Previous-session values typed in the console (CO42): one row per fair and figure, in the
 * figure's unit (rates in basis points). The summary applies them over the computed ones, as the
 * tablet applies its own typed values.
 */
export const CONSOLE_SUMMARY_SQL = `
  create table console_previous_figures (
    fair_id text not null,
    figure text not null,
    value bigint not null,
    set_at timestamptz not null,
    set_by text,
    primary key (fair_id, figure)
  );`;

export async function typedPrevious(db: SqlRunner, fairId: string): Promise<Partial<Figures>> {
  const rows = await db.query<{ figure: string; value: unknown }>('select figure, value from console_previous_figures where fair_id = $1', [fairId]);
  return Object.fromEntries(rows.map((r) => [r.figure, num(r.value)])) as Partial<Figures>;
}

/** CO42: sets (value) or clears (null) one figure, with its audit row in the same transaction. */
export async function setTypedPrevious(db: SqlClient, fairId: string, figure: FigureKey, value: number | null, actor: Actor & { userId: string }, nowMs: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.query<{ value: unknown }>('select value from console_previous_figures where fair_id = $1 and figure = $2 for update', [fairId, figure]);
    if (value === null) await tx.query('delete from console_previous_figures where fair_id = $1 and figure = $2', [fairId, figure]);
    else {
      await tx.query(
        `insert into console_previous_figures (fair_id, figure, value, set_at, set_by) values ($1, $2, $3, $4, $5)
         on conflict (fair_id, figure) do update set value = excluded.value, set_at = excluded.set_at, set_by = excluded.set_by`,
        [fairId, figure, value, new Date(nowMs).toISOString(), actor.userId],
      );
    }
    await audit(tx, actor, 'previous_figure_set', `fair:${fairId}`, { figure, value, before: before === undefined ? null : num(before.value) }, nowMs);
  });
}
