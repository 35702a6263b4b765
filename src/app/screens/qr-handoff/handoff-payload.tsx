import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { PUBLIC_PHOTO_MAX_BYTES } from '../../../domain/wire/public-intake';
import { t } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import { HandoffPhotos } from './handoff-photos';
import { HandoffResult } from './handoff-result';
import { CommitmentPreview, ComplaintPreview } from './preview';
import type { Handoff } from './qr-handoff.data';

/** What was read (or opened online): its preview, the complaint's photos, confirm, and the result. */
export function HandoffPayload(props: { readonly h: Handoff }): JSX.Element {
  const tray = (): Handoff['tray'] => props.h.tray;
  return (
    <section class="panel" data-testid="handoff-source" data-source={props.h.scan.source().kind}>
      <Notice kind="ok" testId="scan-complete">
        {t('handoff.complete')}
      </Notice>
      <Switch>
        <Match when={props.h.complaint()}>
          {(c) => (
            <>
              <ComplaintPreview payload={c()} respondents={props.h.resolved()} photos={tray().photos()} flags={props.h.flags()} />
              <Show when={props.h.expected().length > 0}>
                <HandoffPhotos expected={props.h.expected()} photos={tray().photos()} fetching={props.h.fetching()} onFiles={(files, only) => void tray().add(files, only)} />
                <label class="btn">
                  {t('handoff.addPhotos')}
                  <input type="file" accept="image/*" multiple class="visually-hidden" data-testid="handoff-photos" onChange={(e) => void tray().add(e.currentTarget.files)} />
                </label>
                <For each={tray().unmatched()}>{(name) => <p class="error" data-testid="handoff-photo-stranger">{t('handoff.photoNoMatch', { name })}</p>}</For>
                <For each={tray().tooBig()}>{(name) => <p class="error" data-testid="handoff-photo-too-big">{t('handoff.photoTooBig', { name, mb: PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024 })}</p>}</For>
              </Show>
            </>
          )}
        </Match>
        <Match when={props.h.commitment()}>{(k) => <CommitmentPreview payload={k()} />}</Match>
      </Switch>
      <Show
        when={props.h.result()}
        fallback={
          <div class="actions">
            <button type="button" class="btn primary" data-testid="handoff-confirm" disabled={props.h.busy() || !props.h.ready()} onClick={() => void props.h.confirm()}>
              {t('handoff.confirm')}
            </button>
            <button type="button" class="btn" data-testid="scan-again" onClick={() => props.h.again()}>
              {t('handoff.again')}
            </button>
          </div>
        }
      >
        {(r) => <HandoffResult result={r()} onAgain={() => props.h.again()} />}
      </Show>
    </section>
  );
}
