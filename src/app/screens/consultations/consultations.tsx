import { For, Show, type JSX } from 'solid-js';
import { IP_TYPES, LANGUAGES } from '../../../domain/codes';
import { storageErrorMessage } from '../../i18n/errors';
import { locale, t } from '../../i18n/index';
import { FormErrorSummary } from '../../ui/form-errors';
import { messageAt, refusalText } from '../../lib/field-errors';
import { SignedIn } from '../../session/signed-in';
import { RoleBar } from '../../session/role-bar';
import type { SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { ASKER_KINDS, CONSULTATION_CHANNELS, createConsultations, isPresetTopic, TOPICS } from './consultations.data';
import './consultations.css';

/** `/consultations`: the one-tap tally (EN15, R16). */
export function ConsultationsScreen(): JSX.Element {
  const app = useAppState();
  return (
    <>
      <h1>{t('consult.title')}</h1>
      <RoleBar screen="consultations" />
      <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
        {(fairId) => <SignedIn>{(user) => <Tally fairId={fairId} user={user} />}</SignedIn>}
      </Show>
    </>
  );
}

function Chips<V extends string>(props: { readonly name: string; readonly label: string; readonly options: readonly { value: V; label: string }[]; readonly value: V; readonly onChange: (v: V) => void }): JSX.Element {
  return (
    <fieldset class="chips" data-testid={`chips-${props.name}`}>
      <legend>{props.label}</legend>
      <For each={props.options}>
        {(o) => (
          <button type="button" class="chip" classList={{ on: o.value === props.value }} aria-pressed={o.value === props.value} data-value={o.value} onClick={() => props.onChange(o.value)}>
            {o.label}
          </button>
        )}
      </For>
    </fieldset>
  );
}

function Tally(props: { readonly fairId: string; readonly user: SessionUser }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- fixed for this mount (keyed on the fair above)
  const c = createConsultations(props.fairId, props.user, locale());
  const f = () => c.form;
  const topicLabel = (topic: string): string => (isPresetTopic(topic) ? t(`consult.topic.${topic}`) : topic);
  const count = (m: ReadonlyMap<string, number> | undefined, k: string): number => m?.get(k) ?? 0;
  return (
    <Show when={f().ready()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <div class="tally-layout">
        <div class="tally-main">
          <Show when={c.failure()}>
            {(e) => (
              <Notice kind="error" testId="form-error">
                {e().kind === 'invalid' ? t('common.fixErrors') : storageErrorMessage(e())}
              </Notice>
            )}
          </Show>
          <Show when={c.last()}>{(l) => <Notice kind="ok" testId="recorded">{t('consult.recorded', { topic: topicLabel(l().topic) })}</Notice>}</Show>
          <section class="panel">
            <Chips name="askerKind" label={t('consult.askerKind')} options={ASKER_KINDS.map((k) => ({ value: k, label: t(`consult.asker.${k}`) }))} value={f().data.askerKind} onChange={(v) => f().update((d) => void (d.askerKind = v))} />
            <Chips
              name="ipType"
              label={t('consult.ipType')}
              options={[{ value: '' as const, label: t('consult.noIpType') }, ...IP_TYPES.map((x) => ({ value: x, label: t(`ipType.${x}`) }))]}
              value={f().data.ipType}
              onChange={(v) => f().update((d) => void (d.ipType = v))}
            />
            <Chips name="language" label={t('consult.language')} options={LANGUAGES.map((l) => ({ value: l, label: l === 'en' ? 'English' : '中文' }))} value={f().data.language} onChange={(v) => f().update((d) => void (d.language = v))} />
            <Chips name="channel" label={t('consult.channel')} options={CONSULTATION_CHANNELS.map((x) => ({ value: x, label: t(`consult.channel.${x}`) }))} value={f().data.channel} onChange={(v) => f().update((d) => void (d.channel = v))} />
            <Chips
              name="opinionGiven"
              label={t('consult.opinionGiven')}
              options={[
                { value: 'no' as const, label: t('common.no') },
                { value: 'yes' as const, label: t('common.yes') },
              ]}
              value={f().data.opinionGiven ? 'yes' : 'no'}
              onChange={(v) => f().update((d) => void (d.opinionGiven = v === 'yes'))}
            />
          </section>
          <section class="panel">
            <h2>{t('consult.tapTopic')}</h2>
            <div class="topic-buttons">
              <For each={TOPICS}>
                {(topic) => (
                  <button type="button" class="btn topic" data-testid={`topic-${topic}`} onClick={() => void c.record(topic)}>
                    {t(`consult.topic.${topic}`)}
                  </button>
                )}
              </For>
            </div>
            <form
              class="row other-topic"
              data-testid="other-topic-form"
              onSubmit={(e) => {
                e.preventDefault();
                void c.record(f().data.otherTopic);
              }}
            >
              <TextField name="topic" label={t('consult.otherTopic')} value={f().data.otherTopic} error={messageAt(c.errors(), 'topic')} onInput={(v) => f().update((d) => void (d.otherTopic = v))} />
              <button type="submit" class="btn primary" data-testid="record-other">
                {t('consult.record')}
              </button>
              <FormErrorSummary refusal={c.failure()} title={t('form.refused')} message={refusalText(c.failure())} />
            </form>
          </section>
        </div>
        <aside class="panel tally-today" data-testid="today-counts">
          <h2>{t('consult.today')}</h2>
          <p class="stat" data-testid="today-total" data-count={c.today()?.total ?? 0}>
            {c.today()?.total ?? 0}
          </p>
          <p>{t('consult.opinionsToday', { count: c.today()?.opinions ?? 0 })}</p>
          <h3>{t('consult.byTopic')}</h3>
          <dl class="facts">
            <For each={[...TOPICS, 'other' as const]}>
              {(topic) => (
                <>
                  <dt>{topic === 'other' ? t('consult.topic.other') : t(`consult.topic.${topic}`)}</dt>
                  <dd data-testid={`today-topic-${topic}`}>{count(c.today()?.byTopic, topic)}</dd>
                </>
              )}
            </For>
          </dl>
          <h3>{t('consult.askerKind')}</h3>
          <dl class="facts">
            <For each={ASKER_KINDS}>
              {(k) => (
                <>
                  <dt>{t(`consult.asker.${k}`)}</dt>
                  <dd data-testid={`today-asker-${k}`}>{count(c.today()?.byAsker, k)}</dd>
                </>
              )}
            </For>
          </dl>
          <h3>{t('consult.language')}</h3>
          <dl class="facts">
            <dt>中文</dt>
            <dd data-testid="today-lang-zh-CN">{count(c.today()?.byLanguage, 'zh-CN')}</dd>
            <dt>English</dt>
            <dd data-testid="today-lang-en">{count(c.today()?.byLanguage, 'en')}</dd>
          </dl>
        </aside>
      </div>
    </Show>
  );
}
