import { A, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createResource, createSignal, on, type JSX } from 'solid-js';
import { t as appT, isMessageKey } from '../../../app/i18n/index';
import { SelectField, TextField } from '../../../app/ui/field';
import { Notice } from '../../../app/ui/notice';
import { CASE_STATES, IP_TYPES, OUTCOMES } from '../../../domain/codes';
import type { CaseBrowsePage } from '../../../domain/wire/console-cases';
import { shortDateTime } from '../../lib/format';
import { locale, translator } from '../../lib/i18n';
import { Loaded } from '../../lib/loaded';
import { BLANK_FILTER, PAGE_SIZE, filterOf, loadCaseWords, readCases, searchOf, type CaseFilter } from './cases.data';
import { casesMessages } from './cases.messages';
import './cases.css';

const t = translator(casesMessages);

/** A code's words from the app's dictionaries (states, outcomes, IP types), the code itself when none. */
export const codeText = (prefix: string, code: string): string => {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? appT(key) : code;
};

export const fairTitle = (fair: { code: string; nameZh: string; nameEn: string | null }): string =>
  `${locale() === 'en' ? (fair.nameEn ?? fair.nameZh) : fair.nameZh} (${fair.code})`;

/**
 * Every case of a fair (CB1, CB2): one search box and six filters, answered by the server a
 * page at a time; the filter is in the address, so back and reload keep it. Read-only.
 */
export default function Cases(): JSX.Element {
  const params = useParams<{ fairId: string }>();
  const [search, setSearch] = useSearchParams();
  const applied = (): CaseFilter => filterOf(search);
  const [form, setForm] = createSignal<CaseFilter>(applied());
  createEffect(on(applied, (f) => setForm(f), { defer: true }));
  const [words] = createResource(loadCaseWords);
  // Each answer keeps the filter it answers, so the table says which search it shows.
  const [page] = createResource(
    () => (words.state === 'ready' ? { fairId: params.fairId, f: applied() } : undefined),
    async ({ fairId, f }) => {
      const result = await readCases(fairId, f);
      performance.mark('console-cases-data');
      return { f, result };
    },
  );
  // The form stays while pages come and go: its halls and tablets are the last answer's.
  const last = createMemo((prev: CaseBrowsePage | undefined) => {
    const r = page.latest?.result;
    return r?.ok === true ? r.value : prev;
  });
  const go = (f: CaseFilter): void => setSearch({ ...searchOf(BLANK_FILTER), ...searchOf(f) });
  const set = <K extends keyof CaseFilter>(k: K, v: CaseFilter[K]): void => void setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: SubmitEvent): void => {
    e.preventDefault();
    go({ ...form(), offset: 0 });
  };
  createEffect(() => {
    if (page.latest?.result.ok === true) requestAnimationFrame(() => performance.mark('console-cases-painted'));
  });
  const options = (codes: readonly string[], prefix: string) => [{ value: '', label: t('cases.any') }, ...codes.map((c) => ({ value: c, label: codeText(prefix, c) }))];
  return (
    <div class="cases">
      <Show when={last()}>
        {(p) => (
          <>
            <div class="head-row">
              <h1>{t('cases.title', { fair: fairTitle(p().fair) })}</h1>
            </div>
            <form class="panel" role="search" aria-label={t('cases.filter')} onSubmit={submit} data-testid="cases-filter">
              <div class="row">
                <TextField name="q" type="search" label={t('cases.q')} value={form().q} onInput={(v) => set('q', v)} />
                <button type="submit" class="btn primary" data-testid="cases-apply">
                  {t('cases.apply')}
                </button>
                <button type="button" class="btn" onClick={() => go(BLANK_FILTER)}>
                  {t('cases.clear')}
                </button>
              </div>
              <div class="row">
                <SelectField name="state" label={t('cases.state')} value={form().state} options={options(CASE_STATES, 'board.state')} onChange={(v) => go({ ...form(), state: v, offset: 0 })} />
                <SelectField name="outcome" label={t('cases.outcome')} value={form().outcome} options={options(OUTCOMES, 'outcome')} onChange={(v) => go({ ...form(), outcome: v, offset: 0 })} />
                <SelectField name="ipType" label={t('cases.ipType')} value={form().ipType} options={options(IP_TYPES, 'ipType')} onChange={(v) => go({ ...form(), ipType: v, offset: 0 })} />
                <SelectField
                  name="hall"
                  label={t('cases.hall')}
                  value={form().hall}
                  options={[{ value: '', label: t('cases.any') }, ...p().halls.map((h) => ({ value: h, label: h }))]}
                  onChange={(v) => go({ ...form(), hall: v, offset: 0 })}
                />
                <SelectField
                  name="tablet"
                  label={t('cases.tablet')}
                  value={form().tablet}
                  options={[{ value: '', label: t('cases.any') }, ...p().tabletOptions.map((d) => ({ value: d.deviceId as string, label: d.deviceCode }))]}
                  onChange={(v) => go({ ...form(), tablet: v, offset: 0 })}
                />
                <label class="check overdue-check">
                  <input type="checkbox" checked={form().overdue} data-testid="cases-overdue" onChange={(e) => go({ ...form(), overdue: e.currentTarget.checked, offset: 0 })} />
                  {t('cases.overdue')}
                </label>
              </div>
            </form>
          </>
        )}
      </Show>
      <Show when={page.latest}>
        {(answer) => (
          <div data-testid="cases-results" data-q={answer().f.q.trim()}>
            {/* Keyed: every answer draws its own table (Loaded would keep the first page's). */}
            <Show when={answer().result.ok ? answer() : undefined} keyed fallback={<Loaded result={answer().result}>{() => null}</Loaded>}>
              {(a) => <Show when={a.result.ok ? a.result.value : undefined} keyed>{(p) => <CaseTable page={p} fairId={params.fairId} filter={a.f} onPage={(offset) => go({ ...a.f, offset })} />}</Show>}
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}

function CaseTable(props: { readonly page: CaseBrowsePage; readonly fairId: string; readonly filter: CaseFilter; readonly onPage: (offset: number) => void }): JSX.Element {
  const from = (): number => (props.page.total === 0 ? 0 : props.page.offset + 1);
  const to = (): number => props.page.offset + props.page.rows.length;
  const back = (): string => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(searchOf(props.filter))) if (v !== undefined) q.set(k, v);
    const s = q.toString();
    return s === '' ? '' : `?back=${encodeURIComponent(s)}`;
  };
  return (
    <Show when={props.page.rows.length > 0} fallback={<Notice kind="info">{t('cases.none')}</Notice>}>
      <p class="muted" data-testid="cases-total">
        {t(props.page.more ? 'cases.totalMore' : 'cases.total', { n: props.page.total, from: from(), to: to() })}
      </p>
      <div class="table-wrap">
        <table class="data cases-table" data-testid="cases-table">
          <caption class="sr-only">{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.col.caseNo')}</th>
              <th scope="col">{t('cases.col.received')}</th>
              <th scope="col">{t('cases.col.booth')}</th>
              <th scope="col">{t('cases.col.respondent')}</th>
              <th scope="col">{t('cases.col.complainant')}</th>
              <th scope="col">{t('cases.col.ipTypes')}</th>
              <th scope="col">{t('cases.col.state')}</th>
              <th scope="col">{t('cases.col.due')}</th>
              <th scope="col">{t('cases.col.tablets')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.page.rows}>
              {(r) => (
                <tr data-case-no={r.caseNo} classList={{ overdue: r.overdue }}>
                  <td class="nowrap">
                    <A href={`/fairs/${props.fairId}/cases/${r.caseId}${back()}`} class="mono">
                      {r.caseNo}
                    </A>
                  </td>
                  <td class="nowrap">{shortDateTime(r.receivedAt)}</td>
                  <td class="mono">{r.booth}</td>
                  <td>{r.respondent}</td>
                  <td>{r.complainant}</td>
                  <td>{r.ipTypes.map((x) => codeText('ipType', x)).join('、')}</td>
                  <td>
                    {codeText('board.state', r.state)}
                    <Show when={r.outcome}>{(o) => <span class="muted"> · {codeText('outcome', o())}</span>}</Show>
                  </td>
                  <td class="nowrap">
                    {shortDateTime(r.dueAt)}
                    <Show when={r.overdue}>
                      <span class="overdue-mark"> {t('cases.overdueMark')}</span>
                    </Show>
                  </td>
                  <td class="mono">{r.tablets.join(' ')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="pager">
        <button type="button" class="btn small" disabled={props.page.offset === 0} onClick={() => props.onPage(Math.max(0, props.page.offset - PAGE_SIZE))}>
          {t('cases.prev')}
        </button>
        <button type="button" class="btn small" disabled={props.page.more ? props.page.rows.length < PAGE_SIZE : to() >= props.page.total} data-testid="cases-next" onClick={() => props.onPage(props.page.offset + PAGE_SIZE)}>
          {t('cases.next')}
        </button>
      </div>
    </Show>
  );
}
