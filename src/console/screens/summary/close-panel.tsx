import { For, Show, createSignal, onMount, type JSX } from 'solid-js';
import type { SummaryCloses } from '../../../domain/wire/console-annual';
import { Notice } from '../../../app/ui/notice';
import { failureText } from '../../lib/failure';
import { dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { session } from '../../lib/session';
import { closeMessages } from './close.messages';
import { closeSummary, readCloses, summaryFileHref } from './close.data';

const t = translator(closeMessages);

/**
 * The organizer closes the fair's summary (ANNUAL-SPEC AR10): allowed only when no tablet holds
 * data the figures lack (the page's provisional flag, CO41; the server checks again). Lists the
 * revisions and offers the newest one's signed file (AR14).
 */
export function ClosePanel(props: { readonly fairId: string; readonly provisional: boolean }): JSX.Element {
  const [closes, setCloses] = createSignal<SummaryCloses['closes']>([]);
  const [message, setMessage] = createSignal<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = createSignal(false);
  const organizer = (): boolean => session()?.user.role === 'organizer';
  const load = async (): Promise<void> => {
    const r = await readCloses(props.fairId);
    if (r.ok) setCloses(r.value.closes);
  };
  onMount(() => void load());
  const close = async (): Promise<void> => {
    setBusy(true);
    const r = await closeSummary(props.fairId);
    setBusy(false);
    if (!r.ok) return void setMessage({ kind: 'error', text: failureText(r.failure) });
    setMessage({ kind: 'ok', text: t(r.value.unchanged ? 'close.unchanged' : 'close.done', { revision: r.value.revision }) });
    await load();
  };
  return (
    <section class="panel" data-testid="close-panel" aria-labelledby="close-title">
      <h2 id="close-title">{t('close.title')}</h2>
      <p class="muted">{t('close.explain')}</p>
      <Show when={organizer()}>
        <Show when={props.provisional}>
          <p data-testid="close-blocked">{t('close.blocked')}</p>
        </Show>
        <button type="button" class="btn primary" data-testid="close-summary" disabled={props.provisional || busy()} onClick={() => void close()}>
          {t('close.action')}
        </button>
      </Show>
      <Show when={message()}>{(m) => <Notice kind={m().kind} testId="close-result">{m().text}</Notice>}</Show>
      <Show when={closes().length > 0}>
        <h3>{t('close.revisions')}</h3>
        <ul class="typed-list" data-testid="close-revisions">
          <For each={closes()}>
            {(c) => (
              <li>
                {t('close.revision', { revision: c.revision, time: dateTime(c.at), by: c.source === 'imported' ? t('close.imported') : (c.by ?? '—') })}
              </li>
            )}
          </For>
        </ul>
        <a class="btn" href={summaryFileHref(props.fairId)} download="" data-testid="summary-file">
          {t('close.file')}
        </a>
      </Show>
    </section>
  );
}
