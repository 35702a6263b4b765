import { Dexie } from 'dexie';
import type { Transaction } from 'dexie';
import type { Case } from '../domain/case/case';
import { toSummaryCase } from '../domain/report/summary-case';
import type { SummaryCase } from '../domain/report/summary-case';
import { fromRecord, toCaseRow, toRecord } from './case-rows';
import type { CaseRecord } from './case-rows';
import type { FairCaseDb, TableName } from './db';

/**
 * Every case is stored three ways, always written together: the folded case (`cases`), the
 * board's row (`caseRows`, P3) and the summary's row (`caseSummaries`: the case's `SummaryCase`
 * fields, PS1), so the post-show summary reads a few fields per case instead of whole records
 * (P7) and, written in the same transaction as its case, never disagrees with it.
 */

/** The tables a case write touches: put them in the write's scope. */
export const CASE_TABLES = ['cases', 'caseRows', 'caseSummaries'] as const satisfies readonly TableName[];

/** A case's row of `caseSummaries`. */
export type CaseSummaryRow = SummaryCase;

export const toSummaryRow = (c: Case): CaseSummaryRow => toSummaryCase(c);

/** Writes cases with their board and summary rows, inside the caller's transaction over `CASE_TABLES`. */
export function putCases(db: FairCaseDb, cases: readonly Case[]): Promise<unknown> {
  return Promise.all([db.cases.bulkPut(cases.map(toRecord)), db.caseRows.bulkPut(cases.map(toCaseRow)), db.caseSummaries.bulkPut(cases.map(toSummaryRow))]);
}

/** Schema version 7: a summary row for every case already stored. */
export async function fillCaseSummaries(tx: Transaction): Promise<void> {
  const records = await tx.table<CaseRecord, string>('cases').toArray();
  await tx.table<CaseSummaryRow, [string, string]>('caseSummaries').bulkPut(records.map((r) => toSummaryRow(fromRecord(r))));
}

/** Read: a fair's summary rows, one key range (the rows are keyed `[fairId, id]`). */
export function summaryRowsOf(db: FairCaseDb, fairId: string): Promise<CaseSummaryRow[]> {
  return db.caseSummaries.where('[fairId+id]').between([fairId, Dexie.minKey], [fairId, Dexie.maxKey]).toArray();
}
