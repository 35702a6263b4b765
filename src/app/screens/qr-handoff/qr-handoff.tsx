import { Show, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { t } from '../../i18n/index';
import { RoleBar } from '../../session/role-bar';
import type { SessionUser } from '../../session/session';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { HandoffLinkPanel } from './handoff-link-panel';
import { HandoffPayload } from './handoff-payload';
import { HandoffScanPanel } from './handoff-scan-panel';
import { OnlineDraftsPanel } from './online-drafts-panel';
import { createHandoff } from './qr-handoff.data';
import './qr-handoff.css';

/** The desk shows the fair's phone QR and reads the phone's animated QR back (PI10, QR-SPEC.md). */
export function QrHandoffScreen(): JSX.Element {
  const app = useAppState();
  return (
    <Show when={app.fair()} keyed fallback={<Notice kind="info">{t('handoff.noFair')}</Notice>}>
      {(fair) => (
        <>
          <RoleBar screen="handoff" />
          <SignedIn>{(user) => <HandoffBody fair={fair} user={user} />}</SignedIn>
        </>
      )}
    </Show>
  );
}

function HandoffBody(props: { readonly fair: Fair; readonly user: SessionUser }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- one body per fair and user (keyed above)
  const h = createHandoff(props.fair, props.user);
  return (
    <section class="handoff">
      <h1>{t('handoff.title')}</h1>
      <div class="handoff-grid">
        <HandoffLinkPanel fair={props.fair} qr={h.linkQr()} />
        <HandoffScanPanel h={h} />
      </div>
      <OnlineDraftsPanel state={h.drafts.state()} timeZone={props.fair.settings.timeZone} busy={h.scan.payload() !== undefined} onOpen={(d) => void h.openDraft(d)} onRefresh={h.drafts.refresh} />
      <Show when={h.scan.payload()}>
        <HandoffPayload h={h} />
      </Show>
    </section>
  );
}
