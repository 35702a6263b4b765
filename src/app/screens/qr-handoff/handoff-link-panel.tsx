import { Show, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { t } from '../../i18n/index';
import { phoneUrl, typedPhoneUrl } from './qr-handoff.data';

/** The fair's phone link (PI10): its QR code, the link, and the address to type. */
export function HandoffLinkPanel(props: { readonly fair: Fair; readonly qr: string | undefined }): JSX.Element {
  return (
    <section class="panel handoff-link">
      <h2>{t('handoff.linkTitle')}</h2>
      <Show when={props.qr}>{(src) => <img src={src()} alt={t('handoff.linkTitle')} class="handoff-link-qr" data-testid="phone-link-qr" />}</Show>
      <p class="muted">{t('handoff.linkHint')}</p>
      <a class="mono handoff-url" href={phoneUrl(props.fair)} data-testid="phone-link" target="_blank" rel="noopener">
        {typedPhoneUrl(props.fair)}
      </a>
      <p class="muted" data-testid="phone-link-typed">
        {t('handoff.linkTyped')}
      </p>
    </section>
  );
}
