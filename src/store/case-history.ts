import type { Case } from '../domain/case/case';
import { partyKey } from '../domain/case/intake';
import type { IntakeHistory } from '../domain/case/intake';
import type { Respondent } from '../domain/case/commands';
import { currentCommitments } from '../domain/commitment';
import type { Fair } from '../domain/fair';
import type { FairId } from '../domain/ids';
import type { Party } from '../domain/party';
import type { FairCaseDb } from './db';
import { fromRecord } from './case-rows';
import { commitmentsOf } from './commitment-rows';
import type { CaseRecord } from './case-rows';
import { inWrite } from './transaction';

/**
 * The history the RP checks read at intake (RP1, RP4–RP6, CM3), found by index instead of by
 * reading every case: the respondents' earlier cases by exhibitor key, across the sessions
 * chained by `previousFairId`; the complainant's cases of this session; and which respondents
 * hold a current commitment here. Runs inside the caller's transaction (or a read).
 */

/** Sessions followed back through `previousFairId`; a loop or a missing fair ends the chain. */
const MAX_CHAIN = 20;

export function fairChain(db: FairCaseDb, fair: Fair): Promise<Set<FairId>> {
  return inWrite(async () => {
    const chain = new Set<FairId>([fair.id]);
    let prev = fair.previousFairId;
    while (prev !== undefined && !chain.has(prev) && chain.size < MAX_CHAIN) {
      chain.add(prev);
      prev = (await db.fairs.get(prev))?.previousFairId;
    }
    return chain;
  });
}

export function intakeHistory(db: FairCaseDb, fair: Fair, complainant: Party, respondents: readonly Respondent[]): Promise<IntakeHistory> {
  return inWrite(() => historyNow(db, fair, complainant, respondents));
}

async function historyNow(db: FairCaseDb, fair: Fair, complainant: Party, respondents: readonly Respondent[]): Promise<IntakeHistory> {
  const keys = [...new Set(respondents.map((r) => r.exhibitorKey).filter((k) => k !== undefined))];
  const [chain, byRespondent, byComplainant, commitments] = await Promise.all([
    fairChain(db, fair),
    keys.length === 0 ? ([] as CaseRecord[]) : db.cases.where('respondentKey').anyOf(keys).toArray(),
    db.cases.where('[fairId+complainantKey]').equals([fair.id, partyKey(complainant)]).toArray(),
    // CM3: only with `commitmentRequired`; a respondent without a key then lacks one too.
    !fair.settings.commitmentRequired
      ? undefined
      : keys.length === 0
        ? []
        : commitmentsOf(db, fair.id, keys),
  ]);
  const cases = new Map<string, Case>();
  for (const r of [...byRespondent, ...byComplainant]) if (chain.has(r.fairId)) cases.set(r.id, fromRecord(r));
  return {
    cases: [...cases.values()],
    ...(commitments === undefined ? {} : { committedExhibitors: new Set(currentCommitments(commitments).keys()) }),
  };
}
