import { Fair } from '../../domain/fair';
import { currentRecords } from '../reports/current-records';
import type { SqlRunner } from './sql';

/** Fairs a code may name: more than a handful with one code is data nobody meant, not a choice. */
const MAX_CANDIDATES = 20;

/**
 * PI10: the fair whose current record has this code; of several (a code reused from one
 * session to the next), the one whose last day is latest. Any stored version with the code makes
 * a fair a candidate (index `items_fair_code`); its current version decides.
 */
export async function fairByCode(db: SqlRunner, code: string): Promise<Fair | undefined> {
  const ids = await db.query<{ fair_id: string }>(
    `select distinct fair_id from items where kind = 'fair' and payload->>'code' = $1 and entity_id = fair_id limit ${MAX_CANDIDATES}`,
    [code],
  );
  let best: Fair | undefined;
  for (const { fair_id: fairId } of ids) {
    const [raw] = (await currentRecords<unknown>(db, fairId, 'fair')).filter((f) => (f as { id?: unknown }).id === fairId);
    const fair = Fair.safeParse(raw);
    if (!fair.success || fair.data.code !== code) continue;
    if (best === undefined || lastDay(fair.data) > lastDay(best)) best = fair.data;
  }
  return best;
}

const lastDay = (fair: Fair): string => fair.days[fair.days.length - 1]?.date ?? '';
