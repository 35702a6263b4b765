import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { formatInZone, type TimeZone } from '../../../domain/time';
import type { PublicDraft } from '../../../domain/wire/public-intake';
import { t } from '../../i18n/index';
import type { DraftsState } from './online-drafts';

/**
 * The complaints phones sent online, as this desk's last sync saw them: each opens the same
 * preview and confirmation as a scanned hand-off, its arrival in the fair's zone like every time
 * the desk shows. Not enrolled: nothing to show.
 */
export function OnlineDraftsPanel(props: {
  readonly state: DraftsState | undefined;
  readonly timeZone: TimeZone;
  readonly busy: boolean;
  readonly onOpen: (draft: PublicDraft) => void;
  readonly onRefresh: () => void;
}): JSX.Element {
  return (
    <div data-testid="online-drafts-state" data-state={props.state?.kind ?? 'loading'}>
    <Show when={props.state !== undefined && props.state.kind !== 'not-enrolled'}>
      <section class="panel handoff-online" data-testid="online-drafts">
        <h2>{t('handoff.onlineTitle')}</h2>
        <Switch>
          <Match when={props.state?.kind === 'unreachable'}>
            <p class="muted" data-testid="online-drafts-unreachable">
              {t('handoff.onlineUnreachable')}
            </p>
          </Match>
          <Match when={props.state?.kind === 'listed' && props.state.drafts}>
            {(drafts) => (
              <Show when={drafts().length > 0} fallback={<p class="muted">{t('handoff.onlineNone')}</p>}>
                <ul class="online-drafts">
                  <For each={drafts()}>
                    {(d) => (
                      <li data-testid="online-draft" data-filing={d.complaint.id}>
                        <span>
                          {d.complaint.complainant.name} → {d.complaint.respondents.map((r) => r.name ?? (r.booth === undefined ? '' : `${r.booth.hall}/${r.booth.stand}`)).join(', ')}
                        </span>
                        <span class="muted" data-testid="online-draft-at"> · {formatInZone(d.receivedAt, props.timeZone)}</span>
                        <button type="button" class="btn" data-testid="online-draft-open" disabled={props.busy} onClick={() => props.onOpen(d)}>
                          {t('handoff.onlineOpen')}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Match>
        </Switch>
        <button type="button" class="btn" data-testid="online-drafts-refresh" onClick={() => props.onRefresh()}>
          {t('handoff.onlineRefresh')}
        </button>
      </section>
    </Show>
    </div>
  );
}
