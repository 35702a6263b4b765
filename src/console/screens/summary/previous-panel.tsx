import { For, Show, createSignal, type JSX } from 'solid-js';
import { STATIC_FIGURE_KEYS, figureKind, isFigureKey, type FigureKey } from '../../../domain/report/figures';
import { typedText } from '../../../domain/report/typed-previous';
import type { ConsoleSummary } from '../../../domain/wire/console-summary';
import { locale } from '../../../app/i18n/index';
import { Notice } from '../../../app/ui/notice';
import { figureName, sectionHeading, sectionOf } from '../../../app/ui/report/report-figures';
import type { ApiFailure } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { translator } from '../../lib/i18n';
import { savePrevious } from './summary.data';
import { summaryMessages } from './summary.messages';

const t = translator(summaryMessages);

/** A refused value in words: the figure or the number, else the server's refusal. */
function refusalText(f: ApiFailure): string {
  const code = f.kind === 'refused' ? f.reply.issues?.[0]?.code : undefined;
  if (code === 'UNKNOWN_FIGURE' || code === 'NOT_A_NUMBER') return t(`previous.err.${code}`);
  if (code !== undefined) return t('previous.err.other');
  return failureText(f);
}

const label = (id: FigureKey): string => `${sectionHeading(locale(), sectionOf(id))} · ${figureName(locale(), id)}`;

/** CO42: previous-session values typed here and kept on the server, one figure at a time. */
export function PreviousPanel(props: { readonly fairId: string; readonly data: ConsoleSummary; readonly onSaved: () => void }): JSX.Element {
  const [figure, setFigure] = createSignal('');
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const typed = (): [FigureKey, number][] => Object.entries(props.data.typed).filter((e): e is [FigureKey, number] => isFigureKey(e[0]));
  const save = async (id: string, value: string): Promise<void> => {
    setError();
    setDone();
    const r = await savePrevious(props.fairId, id, value);
    if (!r.ok) return void setError(refusalText(r.failure));
    setDone(isFigureKey(id) ? t(value.trim() === '' ? 'previous.cleared' : 'previous.saved', { figure: figureName(locale(), id) }) : undefined);
    if (value.trim() !== '') setText('');
    props.onSaved();
  };
  return (
    <section class="panel" data-testid="summary-previous">
      <h2>{t('previous.heading')}</h2>
      <p class="muted">{props.data.previousHeld ? t('previous.held', { n: props.data.fair.sessionNo - 1 }) : t('previous.notHeld')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save(figure(), text());
        }}
      >
        <label class="field">
          <span>{t('previous.figure')}</span>
          <select name="figure" data-testid="previous-figure" value={figure()} onChange={(e) => setFigure(e.currentTarget.value)}>
            <option value="">{t('previous.pick')}</option>
            <For each={STATIC_FIGURE_KEYS}>{(k) => <option value={k}>{label(k)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('previous.value')}</span>
          <input name="previous" data-testid="previous-value" inputMode="decimal" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary" data-testid="previous-save">
          {t('previous.save')}
        </button>
      </form>
      <Show when={error()}>{(m) => <Notice kind="error" testId="previous-error">{m()}</Notice>}</Show>
      <Show when={done()}>{(m) => <Notice kind="ok" testId="previous-done">{m()}</Notice>}</Show>
      <h3>{t('previous.typed')}</h3>
      <Show when={typed().length > 0} fallback={<p class="muted">{t('previous.none')}</p>}>
        <ul class="typed-list" data-testid="previous-typed">
          <For each={typed()}>
            {([id, value]) => (
              <li data-figure={id}>
                <span>{label(id)}</span>: <strong>{typedText(id, value)}</strong>
                {figureKind(id) === 'rate' ? ' %' : ''}{' '}
                <button type="button" class="btn small" onClick={() => void save(id, '')}>
                  {t('previous.clear')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
