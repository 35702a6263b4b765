import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { PublicDraftReceived } from '../../domain/wire/public-intake';
import { t } from '../i18n/index';

/** How a send ended; worded on the phone in the filer's language. */
export type SendOutcome = 'sent' | 'already' | 'offline' | 'rate-limited' | 'unknown-fair' | 'refused' | 'server';

/**
 * Issue 8 §4 (PI1–PI6, src/domain/wire/public-intake.ts): with a connection, the complaint may go
 * straight to the fair's server, the one that served this page (`/api/public/fairs/<fairId>/
 * complaints`). The server keeps it as a draft for the desk's next sync. The reply is parsed with
 * the wire schema; anything else is a failure, and the QR hand-off below stays on screen (PI6).
 */
export async function sendOnline(json: string, fairId: string, fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetchImpl(`/api/public/fairs/${encodeURIComponent(fairId)}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
  } catch {
    return 'offline';
  }
  const body: unknown = await res.json().catch(() => undefined);
  const ok = PublicDraftReceived.safeParse(body);
  if (ok.success) return ok.data.duplicate ? 'already' : 'sent';
  // The status says enough here (the protocol's ErrorReply would add the sync schemas to the phone).
  if (res.status === 429) return 'rate-limited';
  if (res.status === 404) return 'unknown-fair';
  if (res.status >= 400 && res.status < 500) return 'refused';
  return 'server';
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
export function OnlineSend(props: { readonly json: string; readonly fairId: string }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SendOutcome>();
  const send = async (): Promise<void> => {
    if (busy()) return;
    setBusy(true);
    try {
      setOutcome(await sendOnline(props.json, props.fairId));
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
