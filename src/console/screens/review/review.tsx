import { For, Show, createResource, createSignal, type JSX } from 'solid-js';
import type { ConflictCase, ReviewEvent, SetAsideItem } from '../../../domain/wire/console-review';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure, ApiResult } from '../../lib/api';
import { failureText } from '../../lib/failure';
import { dateTime } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { useFairPick } from './fair-pick';
import { acknowledgeItem, decideConflict, readReview } from './review.data';
import { reviewMessages } from './review.messages';
import { deskWord, eventFacts } from './review-words';
import './review.css';

const t = translator(reviewMessages);

const valueOf = <T,>(r: ApiResult<T> | undefined): T | undefined => (r?.ok === true ? r.value : undefined);
const failureOf = <T,>(r: ApiResult<T> | undefined): ApiFailure | undefined => (r !== undefined && !r.ok ? r.failure : undefined);
/** A key made from a code the server sent (`type.<command>`, `reject.<code>`): worded when known. */
const tk = (key: string, params?: Record<string, string | number>): string => t(key as Parameters<typeof t>[0], params);

/**
 * The review queue (CO19–CO22): each conflicting case told in words (what both tablets knew,
 * then what each did, in effect or set aside) with the decision form; then the items the
 * server refused or kept aside, each acknowledged once with a note.
 */
export default function Review(): JSX.Element {
  const pick = useFairPick();
  const [queue, { refetch }] = createResource(pick.fairId, readReview);
  const [done, setDone] = createSignal<() => string>();
  return (
    <>
      <div class="head-row">
        <h1>{t('review.title')}</h1>
        <pick.Picker label={t('review.fair')} />
        <button type="button" class="btn" onClick={() => void refetch()} data-testid="review-refresh">
          {t('review.refresh')}
        </button>
      </div>
      <Show when={done()}>{(d) => <Notice kind="ok" testId="review-done">{d()()}</Notice>}</Show>
      <Show when={failureOf(queue())}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      {/* Keyed: a refetch (after an import, an edit or a decision) draws the new answer. */}
      <Show when={valueOf(queue())} keyed>
        {(q) => (
          <>
            <h2>{t('review.conflicts', { n: q.conflicts.length })}</h2>
            <Show when={q.conflicts.length > 0} fallback={<p class="muted" data-testid="no-conflicts">{t('review.noConflicts')}</p>}>
              <For each={q.conflicts}>
                {(c) => (
                  <ConflictPanel
                    fairId={q.fairId}
                    c={c}
                    onDecided={() => {
                      setDone(() => () => t('review.decided', { caseNo: c.caseNo }));
                      void refetch();
                    }}
                  />
                )}
              </For>
            </Show>
            <h2>{t('review.items', { n: q.items.length })}</h2>
            <Show when={q.items.length > 0} fallback={<p class="muted">{t('review.noItems')}</p>}>
              <div class="table-wrap">
                <table class="data" data-testid="set-aside-items">
                  <thead>
                    <tr>
                      <th scope="col">{t('col.received')}</th>
                      <th scope="col">{t('col.tablet')}</th>
                      <th scope="col">{t('col.what')}</th>
                      <th scope="col">{t('col.why')}</th>
                      <th scope="col">{t('col.ack')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={q.items}>{(item) => <ItemRow fairId={q.fairId} item={item} onDone={() => void refetch()} />}</For>
                  </tbody>
                </table>
              </div>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}

const roleWord = (role: string): string => (`actor.${role}` in reviewMessages ? tk(`actor.${role}`) : role);

function EventLine(props: { readonly e: ReviewEvent }): JSX.Element {
  const facts = (): string => eventFacts(props.e);
  return (
    <span>
      {t('review.eventLine', {
        device: props.e.deviceCode ?? t('review.unknownDevice'),
        at: dateTime(props.e.at),
        role: roleWord(props.e.role),
        event: tk(`type.${props.e.type}`),
      })}
      <Show when={facts() !== ''}>{` (${facts()})`}</Show>
    </span>
  );
}

function ConflictPanel(props: { readonly fairId: string; readonly c: ConflictCase; readonly onDecided: () => void }): JSX.Element {
  const [stands, setStands] = createSignal<'applied' | 'set_aside'>('applied');
  const [reason, setReason] = createSignal('');
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [missing, setMissing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const id = (suffix: string): string => `c-${props.c.caseId}-${suffix}`;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setMissing(reason().trim() === '');
    if (missing()) return;
    setBusy(true);
    const r = await decideConflict(props.fairId, props.c.caseId, { resolves: props.c.setAside.map((x) => x.eventId), stands: stands(), reason: reason().trim() });
    setBusy(false);
    if (!r.ok) return void setFailure(r.failure);
    props.onDecided();
  };
  return (
    <section class="panel" data-testid="conflict" data-case={props.c.caseNo} aria-labelledby={id('h')}>
      <h3 id={id('h')}>{t('review.case', { caseNo: props.c.caseNo, respondent: props.c.respondent, booth: props.c.booth })}</h3>
      <p class="muted">
        {t('review.now', {
          state: deskWord(`board.state.${props.c.state}`, props.c.state),
          outcome: props.c.outcome === null ? '' : ` · ${deskWord(`outcome.${props.c.outcome}`, props.c.outcome)}`,
        })}
      </p>
      <p>
        <Show when={props.c.forkAfter} fallback={t('review.forkAtStart')}>
          {(f) => t('review.forkAfter', { event: tk(`type.${f().type}`), device: f().deviceCode ?? t('review.unknownDevice'), at: dateTime(f().at) })}
        </Show>
      </p>
      <ul class="branches">
        <For each={props.c.applied}>
          {(e) => (
            <li data-testid="applied-event">
              <strong>{t('review.applied')}:</strong> <EventLine e={e} />
            </li>
          )}
        </For>
        <For each={props.c.setAside}>
          {(e) => (
            <li data-testid="set-aside-event">
              <strong>{t('review.setAside')}:</strong> <EventLine e={e} />
            </li>
          )}
        </For>
      </ul>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <fieldset class="decision">
          <legend>{t('review.stands')}</legend>
          <div class="checks">
            <For each={['applied', 'set_aside'] as const}>
              {(v) => (
                <label class="check">
                  <input type="radio" name={id('stands')} value={v} checked={stands() === v} onChange={() => setStands(v)} data-testid={`stands-${v}`} />
                  {t(`review.stands.${v}`)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <div class="field" classList={{ invalid: missing() }}>
          <label for={id('reason')}>{t('review.reason')}</label>
          <textarea id={id('reason')} data-testid="decision-reason" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={missing()} aria-describedby={missing() ? id('reason-err') : undefined} />
          <Show when={missing()}>
            <p class="error" id={id('reason-err')} role="alert">{t('review.reasonRequired')}</p>
          </Show>
        </div>
        <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy()} data-testid="decide">
            {t('review.decide')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ItemRow(props: { readonly fairId: string; readonly item: SetAsideItem; readonly onDone: () => void }): JSX.Element {
  const [note, setNote] = createSignal('');
  const [failure, setFailure] = createSignal<ApiFailure>();
  const why = (): string => {
    if (props.item.list === 'conflict') return t('item.conflict');
    const key = `reject.${props.item.code ?? ''}`;
    return key in reviewMessages ? tk(key) : (props.item.code ?? '');
  };
  const what = (): string =>
    props.item.kind === null ? t('item.unreadable') : t('item.kind', { kind: `kind.${props.item.kind}` in reviewMessages ? tk(`kind.${props.item.kind}`) : props.item.kind, entity: (props.item.entityId ?? props.item.itemId).slice(-8) });
  const ack = async (): Promise<void> => {
    if (note().trim() === '') return;
    const r = await acknowledgeItem(props.fairId, { list: props.item.list, key: props.item.key, note: note().trim() });
    if (!r.ok) return void setFailure(r.failure);
    props.onDone();
  };
  const noteId = (): string => `ack-${props.item.list}-${props.item.key}`;
  return (
    <tr data-testid="set-aside-item" data-item={props.item.itemId}>
      <td class="nowrap">{dateTime(props.item.receivedAt)}</td>
      <td class="mono">{props.item.deviceCode ?? t('review.unknownDevice')}</td>
      <td>{what()}</td>
      <td>{why()}</td>
      <td>
        <Show
          when={props.item.acknowledged}
          fallback={
            <div class="row">
              <input id={noteId()} aria-label={t('ack.note')} placeholder={t('ack.note')} value={note()} onInput={(e) => setNote(e.currentTarget.value)} data-testid="ack-note" />
              <button type="button" class="btn small" onClick={() => void ack()} disabled={note().trim() === ''} data-testid="ack">
                {t('ack.button')}
              </button>
              <Show when={failure()}>{(f) => <span class="error" role="alert">{failureText(f())}</span>}</Show>
            </div>
          }
        >
          {(a) => t('ack.done', { by: a().by ?? '—', at: dateTime(a().at), note: a().note })}
        </Show>
      </td>
    </tr>
  );
}
