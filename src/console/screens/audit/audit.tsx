import { For, Show, createResource, createSignal, type JSX } from 'solid-js';
import { AUDIT_ACTIONS } from '../../../domain/wire/console-audit';
import { SelectField, TextField } from '../../../app/ui/field';
import { Notice } from '../../../app/ui/notice';
import { createFormDraft } from '../../lib/drafts';
import { dateTime } from '../../lib/format';
import { locale, translator } from '../../lib/i18n';
import { Loaded } from '../../lib/loaded';
import { aboutText, detailsText } from './audit-text';
import { auditCsvHref, readAudit, type AuditFilter } from './audit.data';
import { auditMessages } from './audit.messages';

const t = translator(auditMessages);

/** Who did what, newest first: filter, page by cursor, and the same rows as CSV from the server. */
export default function Audit(): JSX.Element {
  const form = createFormDraft<AuditFilter>('audit', { action: '', actor: '', from: '', to: '' });
  const [applied, setApplied] = createSignal<AuditFilter>({ ...form.value });
  // The cursors of the pages before this one, to go back to the first.
  const [cursor, setCursor] = createSignal<number>();
  const [pageNo, setPageNo] = createSignal(1);
  const [page] = createResource(() => ({ f: applied(), c: cursor() }), ({ f, c }) => readAudit(f, c));
  const apply = (e: SubmitEvent): void => {
    e.preventDefault();
    setCursor();
    setPageNo(1);
    setApplied({ ...form.value });
  };
  return (
    <>
      <div class="head-row">
        <h1>{t('audit.title')}</h1>
        <a class="btn" href={auditCsvHref(applied())} download="audit.csv" data-testid="audit-csv">
          {t('audit.csv')}
        </a>
      </div>
      <form class="panel" onSubmit={apply} aria-label={t('audit.filter')}>
        <div class="row">
          <SelectField
            name="action"
            label={t('audit.action')}
            value={form.value.action}
            options={[{ value: '' as const, label: t('audit.anyAction') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))]}
            onChange={(v) => form.set('action', v)}
          />
          <TextField name="actor" label={t('audit.actor')} value={form.value.actor} onInput={(v) => form.set('actor', v)} />
          <TextField name="from" type="date" label={t('audit.from')} value={form.value.from} onInput={(v) => form.set('from', v)} />
          <TextField name="to" type="date" label={t('audit.to')} value={form.value.to} onInput={(v) => form.set('to', v)} />
          <button type="submit" class="btn primary" data-testid="audit-apply">
            {t('audit.apply')}
          </button>
        </div>
      </form>
      <Loaded result={page()}>
        {(p) => (
          <>
            <Show when={p.entries.length > 0} fallback={<Notice kind="info">{t('audit.empty')}</Notice>}>
              <div class="table-wrap">
                <table class="data" data-testid="audit-table">
                  <caption class="sr-only">{t('audit.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.col.at')}</th>
                      <th scope="col">{t('audit.col.actor')}</th>
                      <th scope="col">{t('audit.col.action')}</th>
                      <th scope="col">{t('audit.col.target')}</th>
                      <th scope="col">{t('audit.col.details')}</th>
                      <th scope="col">{t('audit.col.address')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p.entries}>
                      {(e) => (
                        <tr data-action={e.action}>
                          <td class="nowrap">{dateTime(e.at)}</td>
                          <td>{e.actor?.name ?? t('audit.tablet')}</td>
                          <td>{t(`action.${e.action}`)}</td>
                          <td data-testid="audit-about">{aboutText(e, p.labels, locale())}</td>
                          <td data-testid="audit-details">{detailsText(e, p.labels, locale())}</td>
                          <td class="mono">{e.address}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <div class="pager">
              <span>{t('audit.page', { n: pageNo() })}</span>
              <button type="button" class="btn small" disabled={cursor() === undefined} onClick={() => (setCursor(), setPageNo(1))}>
                {t('audit.first')}
              </button>
              <button type="button" class="btn small" disabled={p.next === null} data-testid="audit-next" onClick={() => (setCursor(p.next ?? undefined), setPageNo((n) => n + 1))}>
                {t('audit.next')}
              </button>
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
