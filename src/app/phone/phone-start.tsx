import { createResource, Show, type JSX } from 'solid-js';
import type { PhoneLink } from '../../domain/wire/phone-link';
import { locale, t } from '../i18n/index';
import { readPhoneLink } from './read-link';
import type { CodeLookup } from './fair-by-code';

const LAST_LINK = 'faircase.phone-last-link';

/** Keeps the fragment of a fair link this phone opened, so a typed `/p/` can offer that fair again. */
export function rememberLink(hash: string): void {
  try {
    localStorage.setItem(LAST_LINK, hash);
  } catch {
    // Private mode or a full storage: the start page then only explains; nothing else is lost.
  }
}

async function lastLink(): Promise<{ readonly hash: string; readonly link: PhoneLink } | undefined> {
  let hash: string | null;
  try {
    hash = localStorage.getItem(LAST_LINK);
  } catch {
    return undefined;
  }
  const link = hash === null ? undefined : await readPhoneLink(hash);
  return hash === null || link === undefined ? undefined : { hash, link };
}

/**
 * `/p/` without a fair (typed from the desk's printed address, or a damaged link): what to do
 * next instead of a dead end. The fair's form needs the fair's rules: the desk's QR code carries
 * them, and online a typed `/p/<code>` fetches them (PI10); offline, or for a code no fair has,
 * the page says where the code is; a fair this phone opened before is one tap.
 */
export function PhoneStart(props: { readonly damaged: boolean; readonly code?: string | undefined; readonly lookup?: CodeLookup | 'pending' }): JSX.Element {
  const [last] = createResource(lastLink);
  const name = (l: PhoneLink): string => (locale() === 'en' && l.fair.nameEn !== undefined ? l.fair.nameEn : l.fair.nameZh);
  return (
    <section class="panel phone-start" data-testid="phone-no-fair" data-damaged={props.damaged} data-lookup={typeof props.lookup === 'string' ? props.lookup : (props.lookup?.kind ?? 'none')}>
      <h2>{t('phone.start.title')}</h2>
      <Show when={props.code !== undefined && props.lookup === 'pending'}>
        <p class="muted" data-testid="phone-code-lookup">
          {t('phone.start.lookingUp', { code: props.code ?? '' })}
        </p>
      </Show>
      <Show when={typeof props.lookup === 'object' && props.lookup.kind === 'unknown'}>
        <p class="notice notice-warn" data-testid="phone-code-unknown">
          {t('phone.start.unknownCode', { code: props.code ?? '' })}
        </p>
      </Show>
      <Show when={props.damaged}>
        <p class="notice notice-warn" data-testid="phone-link-damaged">
          {t('phone.noFair')}
        </p>
      </Show>
      <ol class="phone-start-steps" data-testid="phone-start-steps">
        <li>{t('phone.start.findDesk')}</li>
        <li>{t('phone.start.scan')}</li>
        <li>{t('phone.start.fill')}</li>
      </ol>
      <Show when={last()}>
        {(l) => (
          <a class="btn primary big" href={`/p/${l().hash.startsWith('#') ? l().hash : `#${l().hash}`}`} data-testid="phone-open-last">
            {t('phone.start.openLast', { fair: name(l().link) })}
          </a>
        )}
      </Show>
      <p class="muted">{t('phone.start.noCamera')}</p>
    </section>
  );
}
