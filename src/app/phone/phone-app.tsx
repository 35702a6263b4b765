import { createSignal, lazy, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import type { Language } from '../../domain/codes';
import type { Fair } from '../../domain/fair';
import type { FieldError } from '../../domain/field-errors';
import type { PhoneLink } from '../../domain/wire/phone-link';
import type { ClauseSet } from '../../domain/commitment-templates';
import { locale, setLocale, t } from '../i18n/index';
import { loadPhoneLanguage } from '../i18n/phone-messages';
import { nowInstant } from '../lib/clock';
import { PhoneComplaintFields } from './phone-complaint';
import { blankPhoneCommitment, blankPhoneComplaint } from './phone-form';
import { createPhoneDraft } from './phone-draft';
import { newPhoneId } from './phone-id';
import { PhoneStart, rememberLink } from './phone-start';
import { lookUpFair, typedCode, type CodeLookup } from './fair-by-code';
import { QrLoop } from './qr-loop';
import { readPhoneLink } from './read-link';
import './phone.css';

type Tab = 'complaint' | 'commitment';

/** Only after "show to the desk", so the form's first load does not carry it. */
/** The commitment's fields and the forms' checks load when first needed: no part of the first paint. */
const PhoneCommitmentFields = lazy(() => import('./phone-commitment').then((m) => ({ default: m.PhoneCommitmentFields })));
const OnlineSend = lazy(() => import('./online-send').then((m) => ({ default: m.OnlineSend })));

/** The phone holds one language's strings at a time: load the other before showing it. */
async function switchTo(lang: Language): Promise<void> {
  await loadPhoneLanguage(lang);
  setLocale(lang);
}

/** The fair of the page's fragment; a good one is remembered for a typed `/p/` later. */
async function readLink(hash: string): Promise<PhoneLink | undefined> {
  const link = await readPhoneLink(hash);
  if (link !== undefined) rememberLink(hash);
  return link;
}

/**
 * The public phone entry at `/p/#fair=…`: no shell, no desk data, no store reads but its own
 * drafts, so it opens offline from the precache on a phone that has never seen the desk's
 * database. The fair comes in the link the desk shows (`PhoneLink`); without one, the start page.
 */
export function PhoneApp(): JSX.Element {
  const [link, setLink] = createSignal<PhoneLink>();
  // Nothing is said about the link until it is read (inflating it is asynchronous).
  const [read, setRead] = createSignal(false);
  let reading = 0;
  const onHash = (): void => {
    const mine = ++reading;
    void readLink(location.hash).then((l) => {
      if (mine !== reading) return;
      // Without a fair in the fragment, a fair found by the typed code (PI10) stays.
      setLink((prev) => l ?? (code !== undefined ? prev : undefined));
      setRead(true);
      document.documentElement.dataset.phone = 'ready';
    });
  };
  // PI10: a typed `/p/<code>` asks the server for that fair and opens its form. The page keeps
  // the typed address (no fragment is built here: DEFLATE stays out of the phone's first load).
  const code = /(?:^#?|&)fair=/.test(location.hash) ? undefined : typedCode();
  const [lookup, setLookup] = createSignal<CodeLookup | 'pending'>(code === undefined ? { kind: 'none' } : 'pending');
  onMount(() => {
    onHash();
    window.addEventListener('hashchange', onHash);
    if (code === undefined) return;
    void lookUpFair(code).then((found) => {
      setLookup(found);
      // A fair link opened meanwhile (a scan) wins over the typed code.
      if (found.kind !== 'found') return;
      setLink((prev) => prev ?? { v: 1, fair: found.fair });
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
      <Show when={link()} keyed fallback={<Show when={read()}><PhoneStart damaged={/(?:^#?|&)fair=/.test(location.hash)} code={code} lookup={lookup()} /></Show>}>
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
  // PI11: the clauses the commitment tab shows; undefined while none can be shown.
  const [clauseSet, setClauseSet] = createSignal<ClauseSet>();
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

  const show = async (): Promise<void> => {
    const { checkCommitment, checkComplaint } = await import('./phone-check');
    const clauses = clauseSet();
    if (tab() === 'commitment' && clauses === undefined) return;
    const checked = tab() === 'complaint' || clauses === undefined ? checkComplaint(complaint.data, fair, locale(), nowInstant()) : checkCommitment(commitment.data, fair, clauses, locale(), nowInstant());
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
                <PhoneCommitmentFields fair={fair} form={commitment} errors={errors()} onClauses={setClauseSet} />
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
              <Show when={tab() === 'complaint' || clauseSet() !== undefined}>
                <button type="button" class="btn primary big" data-testid="show-desk" onClick={() => void show()}>
                  {t('phone.showDesk')}
                </button>
              </Show>
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
