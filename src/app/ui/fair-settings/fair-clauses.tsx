import { For, Index, Show, type JSX } from 'solid-js';
import { CLAUSE_MAX_CHARS, COMMITMENT_TEMPLATES, fairClauseSet, MAX_CLAUSES, type ClauseChoice } from '../../../domain/commitment-templates';
import { locale, t } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { SelectField } from '../field';
import type { FairSettingsBinding } from '../../screens/fair-setup/fair-form';
import './fair-clauses.css';

/**
 * CM10: which clauses the fair's exhibitors sign, and the organizer's own wording in both
 * languages. Shared by the tablet's fair setup and the console's fair form (through FairRules).
 */
export function FairClauses(props: { readonly setup: FairSettingsBinding }): JSX.Element {
  const f = () => props.setup.form;
  const err = (path: string): string | undefined => messageAt(props.setup.errors(), `settings.commitmentClauses${path}`);
  const clauses = () => f().data.clauses ?? [];
  const choice = (): ClauseChoice => f().data.commitmentTemplate ?? 'v2';
  const choose = (v: ClauseChoice): void =>
    f().update((d) => {
      d.commitmentTemplate = v;
      // A first own wording starts from the standard text, to be edited rather than typed anew.
      if (v === 'custom' && (d.clauses ?? []).length === 0) d.clauses = COMMITMENT_TEMPLATES.v2.map((c) => ({ zh: c.zh, en: c.en }));
    });
  const preview = () => fairClauseSet({ commitmentTemplate: choice() === 'custom' ? 'v2' : choice() }).clauses;
  const edit = (i: number, lang: 'zh' | 'en', v: string): void => f().update((d) => void (d.clauses[i]![lang] = v));
  return (
    <section class="panel fair-clauses" data-testid="clause-editor">
      <h2>{t('clauses.section')}</h2>
      <SelectField
        name="commitmentTemplate"
        label={t('clauses.choice')}
        hint={t('clauses.choiceHint')}
        value={choice()}
        options={[
          { value: 'v2', label: t('clauses.choice.v2') },
          { value: 'v1', label: t('clauses.choice.v1') },
          { value: 'custom', label: t('clauses.choice.custom') },
        ]}
        onChange={choose}
      />
      <Show
        when={choice() === 'custom'}
        fallback={
          <>
            <p class="muted">{t('clauses.preview')}</p>
            <ol class="clause-preview" data-testid="clause-preview">
              <For each={preview()}>{(c) => <li>{locale() === 'en' ? c.en : c.zh}</li>}</For>
            </ol>
          </>
        }
      >
        <p class="muted" data-testid="clause-revision">
          {f().data.clauseVersion > 0 ? t('clauses.revision', { n: f().data.clauseVersion }) : t('clauses.unsaved')}
        </p>
        <p class="hint">{t('clauses.limits', { max: MAX_CLAUSES, zh: CLAUSE_MAX_CHARS.zh, en: CLAUSE_MAX_CHARS.en })}</p>
        <Show when={err('') ?? err('.clauses')}>
          {(m) => (
            <p class="error" role="alert">
              {m()}
            </p>
          )}
        </Show>
        <ol class="clause-rows">
          <Index each={clauses()}>
            {(c, i) => (
              <li class="clause-row" data-testid="clause-row">
                <div class="clause-row-head">
                  <strong>{t('clauses.clause', { n: i + 1 })}</strong>
                  <Show when={i > 0}>
                    <button type="button" class="btn" onClick={() => f().update((d) => void d.clauses.splice(i - 1, 2, d.clauses[i]!, d.clauses[i - 1]!))}>
                      {t('clauses.up')}
                    </button>
                  </Show>
                  <button type="button" class="btn danger" aria-label={t('clauses.remove', { n: i + 1 })} onClick={() => f().update((d) => void d.clauses.splice(i, 1))}>
                    {t('common.remove')}
                  </button>
                </div>
                <For each={['zh', 'en'] as const}>
                  {(lang) => {
                    const id = `f-clauses.${i}.${lang}`;
                    const error = (): string | undefined => err(`.clauses.${i}.${lang}`);
                    return (
                      <div class="field" classList={{ invalid: error() !== undefined }}>
                        <label for={id}>{t(lang === 'zh' ? 'clauses.zh' : 'clauses.en')}</label>
                        <textarea
                          id={id}
                          name={`clauses.${i}.${lang}`}
                          lang={lang === 'zh' ? 'zh-CN' : 'en'}
                          rows={lang === 'zh' ? 2 : 3}
                          maxLength={CLAUSE_MAX_CHARS[lang] + 50}
                          value={c()[lang]}
                          aria-invalid={error() !== undefined}
                          onInput={(e) => edit(i, lang, e.currentTarget.value)}
                        />
                        <Show when={error()}>
                          {(m) => (
                            <p class="error" role="alert">
                              {m()}
                            </p>
                          )}
                        </Show>
                      </div>
                    );
                  }}
                </For>
              </li>
            )}
          </Index>
        </ol>
        <div class="actions">
          <button type="button" class="btn" data-testid="clause-add" disabled={clauses().length >= MAX_CLAUSES} onClick={() => f().update((d) => void (d.clauses = [...(d.clauses ?? []), { zh: '', en: '' }]))}>
            {t('clauses.add')}
          </button>
        </div>
      </Show>
    </section>
  );
}
