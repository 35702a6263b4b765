import { createSignal, lazy, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import type { Language } from '../../domain/codes';
import type { Fair } from '../../domain/fair';
import type { FieldError } from '../../domain/field-errors';
import { parsePhoneLink } from '../../domain/wire/phone-payload';
import { locale, setLocale, t } from '../i18n/index';
import { loadPhoneLanguage } from '../i18n/phone-messages';
import { nowInstant } from '../lib/clock';
import { PhoneCommitmentFields } from './phone-commitment';
import { PhoneComplaintFields } from './phone-complaint';
import { blankPhoneCommitment, blankPhoneComplaint, checkCommitment, checkComplaint } from './phone-form';
import { createPhoneDraft } from './phone-draft';
import { newPhoneId } from './phone-id';
import { PhoneStart, rememberLink } from './phone-start';
import { lookUpFair, typedCode, type CodeLookup } from './fair-by-code';
import { QrLoop } from './qr-loop';
import './phone.css';

type Tab = 'complaint' | 'commitment';

/** Only after "show to the desk", so the form's first load does not carry it. */
const OnlineSend = lazy(() => import('./online-send').then((m) => ({ default: m.OnlineSend })));

/** The phone holds one language's strings at a time: load the other before showing it. */
async function switchTo(lang: Language): Promise<void> {
  await loadPhoneLanguage(lang);
  setLocale(lang);
}

/** The fair of the page's fragment; a good one is remembered for a typed `/p/` later. */
function readLink(): ReturnType<typeof parsePhoneLink> {
  const link = parsePhoneLink(location.hash);
  if (link !== undefined) rememberLink(location.hash);
  return link;
}

/**
 * The public phone entry at `/p/#fair=…`: no shell, no desk data, no store reads but its own
 * drafts, so it opens offline from the precache on a phone that has never seen the desk's
 * database. The fair comes in the link the desk shows (`PhoneLink`); without one, the start page.
 */
export function PhoneApp(): JSX.Element {
  const first = readLink();
  const [link, setLink] = createSignal(first);
  const onHash = (): void => void setLink(readLink());
  // PI10: a typed `/p/<code>` asks the server for that fair and opens its form. The page keeps
  // the typed address (no fragment is built here: DEFLATE stays out of the phone's first load).
  const code = first === undefined ? typedCode() : undefined;
  const [lookup, setLookup] = createSignal<CodeLookup | 'pending'>(code === undefined ? { kind: 'none' } : 'pending');
  onMount(() => {
    document.documentElement.dataset.phone = 'ready';
    window.addEventListener('hashchange', onHash);
    if (code === undefined) return;
    void lookUpFair(code).then((found) => {
      setLookup(found);
      // A fair link opened meanwhile (a scan) wins over the typed code.
      if (found.kind !== 'found' || parsePhoneLink(location.hash) !== undefined) return;
      setLink({ v: 1, fair: found.fair });
    });
  });
  onCleanup(() => window.removeEventListener('hashchange', onHash));
  return (
    <main class="phone">
      <header class="phone-head">
        <h1>{t('phone.title')}</h1>
        <div class="lang-toggle" role="group">
          <button type="button" class="btn" classList={{ primary: locale() === 'zh-CN' }} data-testid="lang-zh" onClick={() => void switchTo('zh-CN')}>
            中文
          </button>
          <button type="button" class="btn" classList={{ primary: locale() === 'en' }} data-testid="lang-en" onClick={() => void switchTo('en')}>
            English
          </button>
        </div>
      </header>
      <Show when={link()} keyed fallback={<PhoneStart damaged={/(?:^#?|&)fair=/.test(location.hash)} code={code} lookup={lookup()} />}>
        {(l) => <PhoneBody fair={l.fair} />}
      </Show>
    </main>
  );
}

function PhoneBody(props: { readonly fair: Fair }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- one body per fair (keyed above)
  const fair = props.fair;
  const [tab, setTab] = createSignal<Tab>('complaint');
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [handoff, setHandoff] = createSignal<string>();
  // Photos the hand-off lists, and whether an online send already took them all to the desk.
  const [photoCount, setPhotoCount] = createSignal(0);
  const [photosSent, setPhotosSent] = createSignal(false);
  const [online, setOnline] = createSignal(navigator.onLine);
  const onNet = (): void => void setOnline(navigator.onLine);
  window.addEventListener('online', onNet);
  window.addEventListener('offline', onNet);
  onCleanup(() => {
    window.removeEventListener('online', onNet);
    window.removeEventListener('offline', onNet);
  });
  const complaint = createPhoneDraft(`complaint:${fair.id}`, () => blankPhoneComplaint(fair, newPhoneId()));
  const commitment = createPhoneDraft(`commitment:${fair.id}`, () => blankPhoneCommitment(newPhoneId()));

  const show = (): void => {
    const checked = tab() === 'complaint' ? checkComplaint(complaint.data, fair, locale(), nowInstant()) : checkCommitment(commitment.data, fair, locale(), nowInstant());
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => document.querySelector('.phone .invalid, .phone [role=alert]')?.scrollIntoView({ block: 'center' }));
      return;
    }
    setErrors([]);
    setPhotoCount(checked.value.kind === 'complaint' ? checked.value.accusedItems.reduce((n, i) => n + i.photos.length, 0) : 0);
    setPhotosSent(false);
    setHandoff(JSON.stringify(checked.value));
  };
  const finished = (): void => {
    setHandoff(undefined);
    if (tab() === 'complaint') complaint.clear(blankPhoneComplaint(fair, newPhoneId()));
    else commitment.clear(blankPhoneCommitment(newPhoneId()));
  };

  return (
    <>
      <p class="phone-fair" data-testid="phone-fair">
        {locale() === 'en' && fair.nameEn !== undefined ? fair.nameEn : fair.nameZh} · {fair.code}
      </p>
      <Show when={!online()}>
        <p class="notice notice-info" data-testid="phone-offline">
          {t('phone.offline')}
        </p>
      </Show>
      <Show
        when={handoff()}
        fallback={
          <>
            <div class="phone-tabs" role="tablist">
              <button type="button" role="tab" class="btn" classList={{ primary: tab() === 'complaint' }} aria-selected={tab() === 'complaint'} data-testid="tab-complaint" onClick={() => (setTab('complaint'), setErrors([]))}>
                {t('phone.tabComplaint')}
              </button>
              <button type="button" role="tab" class="btn" classList={{ primary: tab() === 'commitment' }} aria-selected={tab() === 'commitment'} data-testid="tab-commitment" onClick={() => (setTab('commitment'), setErrors([]))}>
                {t('phone.tabCommitment')}
              </button>
            </div>
            <Switch>
              <Match when={tab() === 'complaint' && complaint.ready()}>
                <PhoneComplaintFields form={complaint} fair={fair} errors={errors()} />
              </Match>
              <Match when={tab() === 'commitment' && commitment.ready()}>
                <PhoneCommitmentFields form={commitment} errors={errors()} />
              </Match>
            </Switch>
            <Show when={errors().length > 0}>
              <p class="error" role="alert" data-testid="phone-errors">
                {t('phone.fixErrors', { count: errors().length })}
              </p>
            </Show>
            <div class="phone-actions">
              <Show when={(tab() === 'complaint' ? complaint : commitment).saveFailed()}>
                <span class="error" role="alert" data-testid="draft-not-saved">
                  {t('phone.draftNotSaved')}
                </span>
              </Show>
              <Show when={!(tab() === 'complaint' ? complaint : commitment).saveFailed() && ((tab() === 'complaint' ? complaint : commitment).restoredAt() !== undefined || (tab() === 'complaint' ? complaint : commitment).dirty())}>
                <span class="muted" data-testid="draft-saved">
                  {t('phone.draftSaved')}
                </span>
              </Show>
              <button type="button" class="btn primary big" data-testid="show-desk" onClick={show}>
                {t('phone.showDesk')}
              </button>
            </div>
          </>
        }
      >
        {(json) => (
          <>
            {/* Online first when possible; the QR loop below always stays (PI6). */}
            <Show when={tab() === 'complaint' && online()}>
              <OnlineSend json={json()} fairId={fair.id} onPhotos={(p) => setPhotosSent(p.total > 0 && p.sent === p.total)} />
            </Show>
            <QrLoop json={json()} photosToShow={photosSent() ? 0 : photoCount()} onBack={() => setHandoff(undefined)} onFinished={finished} />
          </>
        )}
      </Show>
    </>
  );
}
