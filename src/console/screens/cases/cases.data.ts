import { addMessages } from '../../../app/i18n/index';
import { evidenceMessages } from '../../../app/evidence/evidence.messages';
import { caseDetailMessages } from '../../../app/screens/case-detail/case-detail.messages';
import { intakeMessages } from '../../../app/screens/complaint-intake/complaint-intake.messages';
import { partyMessages } from '../../../app/screens/complaint-intake/parties.messages';
import { noticeMessages } from '../../../app/screens/notices/notices.messages';
import { consultationMessages } from '../../../app/screens/consultations/consultations.messages';
import { commitmentMessages } from '../../../app/screens/commitment-sign/commitment-sign.messages';
import { boardMessages } from '../../../app/screens/case-board/case-board.messages';
import { CASE_STATES, IP_TYPES, OUTCOMES } from '../../../domain/codes';
import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import { CaseBrowsePage, CaseDetailReply, DEFAULT_CASE_PAGE, type CaseBrowseQueryInput } from '../../../domain/wire/console-cases';
import { request, type ApiResult } from '../../lib/api';
import { loadLanguage } from '../../lib/i18n';

/**
 * The case browser's reads. The filter lives in the page's address (`?q=…&state=…`), so a
 * reload, the back button or a shared link shows the same cases.
 */
export interface CaseFilter {
  q: string;
  state: string;
  outcome: string;
  ipType: string;
  hall: string;
  tablet: string;
  overdue: boolean;
  offset: number;
}

export const BLANK_FILTER: CaseFilter = { q: '', state: '', outcome: '', ipType: '', hall: '', tablet: '', overdue: false, offset: 0 };

const oneOf = (list: readonly string[], v: string | undefined): string => (v !== undefined && list.includes(v) ? v : '');

/** The filter of an address's search parameters (anything unknown dropped, not refused). */
export function filterOf(params: Readonly<Partial<Record<string, string | string[]>>>): CaseFilter {
  const get = (k: string): string | undefined => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const offset = Number(get('offset') ?? 0);
  return {
    q: (get('q') ?? '').slice(0, 100),
    state: oneOf(CASE_STATES, get('state')),
    outcome: oneOf(OUTCOMES, get('outcome')),
    ipType: oneOf(IP_TYPES, get('ipType')),
    hall: (get('hall') ?? '').slice(0, 20),
    tablet: /^[0-9A-HJKMNP-TV-Z]{26}$/.test(get('tablet') ?? '') ? (get('tablet') as string) : '',
    overdue: get('overdue') === '1',
    offset: Number.isSafeInteger(offset) && offset >= 0 ? offset : 0,
  };
}

/** The filter as search parameters, empty ones left out (the address and the API share them). */
export function searchOf(f: CaseFilter): Record<string, string | undefined> {
  const q = f.q.trim();
  return {
    q: q === '' ? undefined : q,
    state: f.state || undefined,
    outcome: f.outcome || undefined,
    ipType: f.ipType || undefined,
    hall: f.hall || undefined,
    tablet: f.tablet || undefined,
    overdue: f.overdue ? '1' : undefined,
    offset: f.offset > 0 ? String(f.offset) : undefined,
  } satisfies Record<keyof CaseBrowseQueryInput & keyof CaseFilter, string | undefined>;
}

export const PAGE_SIZE = DEFAULT_CASE_PAGE;

export function readCases(fairId: string, f: CaseFilter): Promise<ApiResult<CaseBrowsePage>> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(searchOf(f))) if (v !== undefined) q.set(k, v);
  q.set('limit', String(PAGE_SIZE));
  return request(CaseBrowsePage, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/cases?${q.toString()}`);
}

export const readCase = (fairId: string, caseId: string): Promise<ApiResult<CaseDetailReply>> =>
  request(CaseDetailReply, `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/cases/${encodeURIComponent(caseId)}`);

export const evidenceHref = (fairId: string, caseId: string, evidenceId: string): string =>
  `${CONSOLE_PREFIX}/fairs/${encodeURIComponent(fairId)}/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}`;

/** A file of the case's evidence, or undefined when the server does not hold it. */
export async function loadEvidence(href: string): Promise<Blob | undefined> {
  const res = await fetch(href, { credentials: 'same-origin' });
  return res.ok ? res.blob() : undefined;
}

/** The SHA-256 of a file, computed in this browser (CB4: the original is checked where it is seen). */
export async function sha256Of(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

let installed = false;
/**
 * The app's words for states, outcomes, IP types, events and notices, in both languages (a
 * notice prints Chinese and English), installed once when the case browser first opens.
 */
export async function loadCaseWords(): Promise<void> {
  if (installed) return;
  await Promise.all([loadLanguage('zh-CN'), loadLanguage('en')]);
  for (const messages of [intakeMessages, partyMessages, caseDetailMessages, noticeMessages, consultationMessages, commitmentMessages, boardMessages, evidenceMessages]) addMessages(messages);
  installed = true;
}
