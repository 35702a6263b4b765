import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { t } from '../../i18n/index';
import { useSession } from '../../session/session';
import { RoleBar } from '../../session/role-bar';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { ACTION_ORDER, type CommandType } from './action-codes';
import { ActionForm } from './action-form';
import { submitAction, type ActionFailure } from './case-action';
import type { FieldSpec, Values } from './action-specs';
import type { Case } from '../../../domain/case/case';
import { createCaseDetail } from './case-detail.data';
import { caseErrorMessage } from './case-error';
import { CaseFacts } from './case-facts';
import { Timeline } from './timeline';
import './case-detail.css';

/**
 * Case detail `/cases/:id`: the facts, the deadlines (DL8), the actions the state
 * machine allows now (`allowedActions`) and the others disabled with the reason, one form per
 * action, and the timeline.
 */
export function CaseDetailScreen(): JSX.Element {
  const app = useAppState();
  const params = useParams<{ id: string }>();
  return (
    <Show when={app.fair()?.id} keyed fallback={<p class="muted">{t('common.loading')}</p>}>
      {(_fairId) => (
        <Show when={params.id} keyed>
          {(id) => <CaseBody fair={app.fair() as Fair} caseId={id} />}
        </Show>
      )}
    </Show>
  );
}

function CaseBody(props: { readonly fair: Fair; readonly caseId: string }): JSX.Element {
  const app = useAppState();
  const session = useSession();
  // eslint-disable-next-line solid/reactivity -- one detail per case (keyed above)
  const d = createCaseDetail(props.caseId, session.actor);
  const [open, setOpen] = createSignal<CommandType>();
  const [done, setDone] = createSignal<CommandType>();
  const zone = (): string => props.fair.settings.timeZone;
  // What can be done now comes first; the rest follows, each with its reason (a guard's rule, CD7).
  const ordered = createMemo((): CommandType[] => {
    const a = d.allowed();
    const ok = (type: CommandType): boolean => a?.[type]?.ok === true;
    return [...ACTION_ORDER.filter(ok), ...ACTION_ORDER.filter((type) => !ok(type))];
  });
  const deviceLabel = (id: string): string => (id === app.device()?.id ? (app.device()?.shortCode ?? id) : id.slice(-6));
  const apply = async (type: CommandType, values: Values, fields: readonly FieldSpec[], c: Case): Promise<ActionFailure | undefined> => {
    const actor = session.actor();
    if (actor === undefined) return { fields: [], message: t('case.signInToAct') };
    const r = await submitAction(type, values, fields, { case: c, fair: props.fair, userId: actor.userId ?? '', experts: experts(), now: d.now() }, actor);
    return r.ok ? undefined : r;
  };
  const experts = (): { value: string; label: string }[] => d.users().filter((u) => u.role === 'expert' && u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Show when={d.loaded()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <Show when={d.current()} fallback={<Notice kind="error">{t('case.notFound')}</Notice>}>
        {(c) => (
          <section class="case-detail" data-testid="case-detail" data-state={c().state} data-case-no={c().caseNo}>
            <div class="head">
              <h1>{t('case.title', { caseNo: c().caseNo })}</h1>
              <span class="state-badge" data-testid="case-state">
                {t(`board.state.${c().state}`)}
              </span>
              <Show when={c().outcome}>{(o) => <strong data-testid="case-outcome">{t(`outcome.${o()}`)}</strong>}</Show>
              <For each={c().flags}>{(f) => <span class="flag">{t(`board.flag.${f}`)}</span>}</For>
            </div>
            <RoleBar screen="case" />
            <div class="actions">
              <A class="btn" href={`/cases/${c().id}/notice/N1`} data-testid="notice-N1">
                {t('notice.N1')}
              </A>
              <Show when={c().notification !== undefined}>
                <A class="btn" href={`/cases/${c().id}/notice/N2`} data-testid="notice-N2">
                  {t('notice.N2')}
                </A>
              </Show>
              <Show when={c().opinion !== undefined || c().rejection !== undefined || c().transfer !== undefined}>
                <A class="btn" href={`/cases/${c().id}/notice/N3`} data-testid="notice-N3">
                  {t('notice.N3')}
                </A>
              </Show>
            </div>
            <Show when={done()}>{(a) => <Notice kind="ok" testId="action-done">{t('case.actionDone', { action: t(`cmd.${a()}`) })}</Notice>}</Show>
            <div class="columns">
              <div>
                <CaseFacts c={c()} zone={zone()} now={d.now()} />
                <Show when={open()} keyed>
                  {(type) => (
                    <ActionForm
                      type={type}
                      ctx={{ case: c(), fair: props.fair, userId: session.user()?.id ?? '', experts: experts(), now: d.now() }}
                      submit={(values, fields) => apply(type, values, fields, c())}
                      onDone={() => {
                        setDone(type);
                        setOpen(undefined);
                      }}
                      onCancel={() => setOpen(undefined)}
                    />
                  )}
                </Show>
                <h2>{t('case.timeline')}</h2>
                <Timeline events={d.events()} users={d.users()} zone={zone()} deviceLabel={deviceLabel} />
              </div>
              <div class="panel">
                <h2>{t('case.actions')}</h2>
                <Show when={session.user() !== undefined} fallback={<p class="muted">{t('case.signInToAct')}</p>}>
                  <div class="action-list" data-testid="actions">
                    <For each={ordered()}>
                      {(type) => {
                        const allowed = (): boolean => d.allowed()?.[type]?.ok === true;
                        const reason = (): string | undefined => {
                          const a = d.allowed()?.[type];
                          return a === undefined || a.ok ? undefined : caseErrorMessage(a.error);
                        };
                        return (
                          <>
                            <button
                              type="button"
                              class="btn"
                              classList={{ primary: open() === type }}
                              data-testid={`action-${type}`}
                              data-allowed={String(allowed())}
                              disabled={!allowed()}
                              onClick={() => {
                                setDone(undefined);
                                setOpen(type);
                              }}
                            >
                              {t(`cmd.${type}`)}
                            </button>
                            <Show when={!allowed() && reason()}>
                              <p class="disabled-reason" data-testid={`reason-${type}`}>
                                {reason()}
                              </p>
                            </Show>
                          </>
                        );
                      }}
                    </For>
                  </div>
                </Show>
              </div>
            </div>
          </section>
        )}
      </Show>
    </Show>
  );
}
