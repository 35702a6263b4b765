import { A, useParams } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import type { CaseEvent } from '../../../domain/case/events';
import { applyCaseCommand, listUsers } from './conflicts.data';
import { storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery, createLiveQueryOn } from '../../lib/live-query';
import { useSession } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { Timeline } from '../case-detail/timeline';
import { conflictDetail } from './conflicts.data';
import './conflicts.css';

/**
 * One conflicted case (CS5): both branches side by side; nothing is dropped. An expert resolves
 * it by issuing a command knowing both branches: a review note confirming the branch in effect,
 * or the right command on the case page (its parents then name both branches' heads).
 */
export function ConflictReviewScreen(): JSX.Element {
  const params = useParams<{ id: string }>();
  const app = useAppState();
  const session = useSession();
  const detail = createLiveQueryOn(() => params.id, (id) => conflictDetail(id));
  const users = createLiveQuery(() => listUsers());
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<() => string>();
  const [saved, setSaved] = createSignal(false);
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  const deviceLabel = (id: string): string => (id === app.device()?.id ? (app.device()?.shortCode ?? id) : id.slice(-6));
  const isExpert = (): boolean => session.actor()?.role === 'expert';

  const column = (title: string, events: readonly CaseEvent[], testId: string): JSX.Element => (
    <section class="panel conflict-branch" data-testid={testId}>
      <h2>{title}</h2>
      <Timeline events={events} users={users() ?? []} zone={zone()} deviceLabel={deviceLabel} />
    </section>
  );

  const resolve = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const actor = session.actor();
    const d = detail();
    if (actor === undefined || d === undefined) return;
    setError();
    const r = await applyCaseCommand(d.case.id, { type: 'AddNote', payload: { text: `${t('conflicts.resolve.prefix')}${note().trim()}` } }, actor, nowInstant());
    if (!r.ok) {
      const failure = r.error;
      setError(() => () => storageErrorMessage(failure));
      return;
    }
    setNote('');
    setSaved(true);
  };

  return (
    <Show when={detail()} fallback={<p class="muted">{t('conflicts.caseMissing')}</p>}>
      {(d) => (
        <>
          <h1>
            {t('conflicts.title')} · {d().case.caseNo}
          </h1>
          <p data-testid="conflict-status" data-resolved={String(d().branches.resolved)}>
            <strong>{d().branches.resolved ? t('conflicts.resolved') : t('conflicts.open')}</strong> · {t('conflicts.hint')}
          </p>
          <Show when={d().sharing.length > 0}>
            <Notice kind="warn" testId="conflict-shared-number">
              {t('conflicts.sharedNumber', { caseNo: d().case.caseNo, other: d().sharing.map((r) => `${r.complainant} → ${r.respondent} (${r.booth})`).join('; ') })}
            </Notice>
          </Show>
          {column(t('conflicts.common'), d().branches.common, 'branch-common')}
          <div class="conflict-sides">
            {column(t('conflicts.applied'), d().branches.applied, 'branch-applied')}
            {column(t('conflicts.setAside'), d().branches.setAside, 'branch-set-aside')}
          </div>
          <Show when={d().branches.after.length > 0}>{column(t('conflicts.after'), d().branches.after, 'branch-after')}</Show>
          <form class="panel form" data-testid="conflict-resolve" onSubmit={(e) => void resolve(e)}>
            <h2>{t('conflicts.resolve.title')}</h2>
            <p class="muted">{t('conflicts.resolve.hint')}</p>
            <Show when={isExpert()} fallback={<Notice kind="info">{t('conflicts.resolve.expertOnly')}</Notice>}>
              <div class="field">
                <label for="conflict-note">{t('conflicts.resolve.note')}</label>
                <textarea id="conflict-note" name="conflict-note" rows={3} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
              </div>
              <div class="actions">
                <button type="submit" class="btn primary" disabled={note().trim() === ''} data-testid="conflict-keep">
                  {t('conflicts.resolve.keep')}
                </button>
                <A class="btn" href={`/cases/${d().case.id}`} data-testid="conflict-open-case">
                  {t('conflicts.resolve.openCase')}
                </A>
              </div>
            </Show>
            <Show when={error()}>{(m) => <Notice kind="error">{m()()}</Notice>}</Show>
            <Show when={saved()}>
              <Notice kind="ok" testId="conflict-saved">
                {t('conflicts.resolve.done')}
              </Notice>
            </Show>
          </form>
        </>
      )}
    </Show>
  );
}
