import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { listedPhotoHashes, PublicDraftReceived, PublicPhotoStored } from '../../domain/wire/public-intake';
import { t } from '../i18n/index';
import { photoFile } from './photo-files';

/** How a send ended; worded on the phone in the filer's language. */
export type SendOutcome = 'sent' | 'already' | 'offline' | 'rate-limited' | 'unknown-fair' | 'refused' | 'server';

/**
 * PI1–PI6 (src/domain/wire/public-intake.ts): with a connection, the complaint may go
 * straight to the fair's server, the one that served this page (`/api/public/fairs/<fairId>/
 * complaints`). The server keeps it as a draft for the desk's next sync. The reply is parsed with
 * the wire schema; anything else is a failure, and the QR hand-off below stays on screen (PI6).
 */
export async function sendOnline(json: string, fairId: string, fetchImpl: typeof fetch = fetch): Promise<{ outcome: SendOutcome; draftId?: string }> {
  let res: Response;
  try {
    res = await fetchImpl(`/api/public/fairs/${encodeURIComponent(fairId)}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
  } catch {
    return { outcome: 'offline' };
  }
  const body: unknown = await res.json().catch(() => undefined);
  const ok = PublicDraftReceived.safeParse(body);
  if (ok.success) return { outcome: ok.data.duplicate ? 'already' : 'sent', draftId: ok.data.draftId };
  // The status says enough here (the protocol's ErrorReply would add the sync schemas to the phone).
  if (res.status === 429) return { outcome: 'rate-limited' };
  if (res.status === 404) return { outcome: 'unknown-fair' };
  if (res.status >= 400 && res.status < 500) return { outcome: 'refused' };
  return { outcome: 'server' };
}

/** How the photos of a sent complaint went: uploaded, or left for the desk to check by hand. */
export interface PhotosSent {
  readonly total: number;
  readonly sent: number;
}

/**
 * PI7: after the complaint, each photo it lists goes up under its hash, one at a time (a phone on
 * fair Wi-Fi). A photo this page no longer holds (the page was reloaded) or the server refused
 * counts as not sent: the filer is told to bring it to the desk.
 */
export async function sendPhotos(json: string, draftId: string, fetchImpl: typeof fetch = fetch): Promise<PhotosSent> {
  const hashes = listedPhotoHashes(JSON.parse(json) as Parameters<typeof listedPhotoHashes>[0]);
  let sent = 0;
  for (const sha256 of hashes) {
    const file = photoFile(sha256);
    if (file === undefined) continue;
    try {
      const res = await fetchImpl(`/api/public/drafts/${encodeURIComponent(draftId)}/photos/${sha256}`, {
        method: 'PUT',
        headers: { 'content-type': file.type === '' ? 'application/octet-stream' : file.type },
        body: file,
      });
      if (PublicPhotoStored.safeParse(await res.json().catch(() => undefined)).success) sent += 1;
    } catch {
      // Offline halfway: the rest stay with the filer, who is told so.
    }
  }
  return { total: hashes.length, sent };
}

const MESSAGE = {
  sent: 'phone.online.sent',
  already: 'phone.online.already',
  offline: 'phone.online.offline',
  'rate-limited': 'phone.online.rateLimited',
  'unknown-fair': 'phone.online.unknownFair',
  refused: 'phone.online.refused',
  server: 'phone.online.server',
} as const satisfies Record<SendOutcome, string>;

/** The "send online" panel above the QR loop of a complaint; shown only with a connection. */
export function OnlineSend(props: { readonly json: string; readonly fairId: string; readonly onPhotos?: (sent: PhotosSent) => void }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SendOutcome>();
  const [photos, setPhotos] = createSignal<PhotosSent>();
  const send = async (): Promise<void> => {
    if (busy()) return;
    setBusy(true);
    try {
      const r = await sendOnline(props.json, props.fairId);
      if (r.draftId !== undefined) {
        const sent = await sendPhotos(props.json, r.draftId);
        setPhotos(sent);
        props.onPhotos?.(sent);
      }
      setOutcome(r.outcome);
    } finally {
      setBusy(false);
    }
  };
  const done = (): boolean => outcome() === 'sent' || outcome() === 'already';
  return (
    <section class="panel phone-online" data-testid="online-send">
      <Show when={!done()}>
        <p class="muted">{t('phone.online.hint')}</p>
        <button type="button" class="btn primary big" data-testid="send-online" disabled={busy()} onClick={() => void send()}>
          {busy() ? t('phone.online.sending') : t('phone.sendOnline')}
        </button>
      </Show>
      <Show when={outcome()}>
        {(o) => (
          <Switch>
            <Match when={done()}>
              <p class="notice notice-ok" role="status" data-testid="online-result" data-outcome={o()}>
                {t(MESSAGE[o()])}
              </p>
              <Show when={photos()?.total}>
                <Show
                  when={photos()?.sent === photos()?.total}
                  fallback={
                    <p class="error" role="alert" data-testid="online-photos" data-sent={photos()?.sent} data-total={photos()?.total}>
                      {t('phone.online.photosMissing', { sent: photos()?.sent ?? 0, total: photos()?.total ?? 0 })}
                    </p>
                  }
                >
                  <p class="notice notice-ok" data-testid="online-photos" data-sent={photos()?.sent} data-total={photos()?.total}>
                    {t('phone.online.photosSent', { count: photos()?.sent ?? 0 })}
                  </p>
                </Show>
              </Show>
            </Match>
            <Match when={!done()}>
              <p class="error" role="alert" data-testid="online-result" data-outcome={o()}>
                {t(MESSAGE[o()])}
              </p>
            </Match>
          </Switch>
        )}
      </Show>
    </section>
  );
}
