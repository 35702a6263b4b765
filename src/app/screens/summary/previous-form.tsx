import { createSignal, For, Show, type JSX } from 'solid-js';
import { STATIC_FIGURE_KEYS } from '../../../domain/report/figures';
import { locale, t, type MessageKey } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import { figureName, sectionHeading, sectionOf } from '../../ui/report/report-figures';
import type { SummaryState } from './summary.data';

const previousErrorKey = (code: string): MessageKey =>
  code === 'UNKNOWN_FIGURE' || code === 'NOT_A_NUMBER' ? `summary.previous.err.${code}` : 'summary.previous.err.OTHER';

/** The previous session's figures (PS3): computed when held here, else typed by the organizer. */
export function PreviousForm(props: { readonly s: SummaryState }): JSX.Element {
  const [id, setId] = createSignal('');
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const fair = () => props.s.data()?.fair;
  return (
    <section class="panel" data-testid="summary-previous">
      <h2>{t('summary.previous')}</h2>
      <Show when={fair()?.previousFairId !== undefined} fallback={<p class="muted">{t('summary.previous.noSeries')}</p>}>
        <p class="muted">{props.s.previousHeld() === true ? t('summary.previous.computed', { sessionNo: (fair()?.sessionNo ?? 1) - 1 }) : t('summary.previous.none')}</p>
      </Show>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const code = props.s.setTyped(id(), text());
          setError(code);
          if (code === undefined) setText('');
        }}
      >
        <label class="field">
          <span>{t('summary.previous.figure')}</span>
          <select name="figure" value={id()} onChange={(e) => setId(e.currentTarget.value)}>
            <option value="">{t('summary.previous.pick')}</option>
            <For each={STATIC_FIGURE_KEYS}>{(k) => <option value={k}>{`${sectionHeading(locale(), sectionOf(k))} · ${figureName(locale(), k)}`}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('summary.previous.value')}</span>
          <input name="previous" inputMode="decimal" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary" data-testid="previous-save">
          {t('summary.previous.add')}
        </button>
        <button type="button" class="btn" data-testid="previous-clear" onClick={() => props.s.clearTyped()}>
          {t('summary.previous.clear')}
        </button>
      </form>
      <Show when={error()}>{(c) => <Notice kind="error" testId="previous-error">{t('summary.previous.bad', { reason: t(previousErrorKey(c())) })}</Notice>}</Show>
    </section>
  );
}
