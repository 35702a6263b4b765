import { A } from '@solidjs/router';
import { createResource, createSignal, For, Index, Match, Show, Switch, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { phoneLinkFragment } from '../../../domain/wire/phone-payload';
import { fieldErrorMessage, storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { sha256OfFile } from '../../phone/photo-hash';
import { SignedIn } from '../../session/signed-in';
import { RoleBar } from '../../session/role-bar';
import type { SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { caseErrorMessage } from '../case-detail/case-error';
import { importPhoneCommitment, importPhoneComplaint, previewPhoneFlags, resolveRespondents, type ImportResult } from './handoff-import';
import { createOnlineDrafts } from './online-drafts';
import { OnlineDraftsPanel } from './online-drafts-panel';
import { createHandoffScan } from './handoff-scan';
import { CommitmentPreview, ComplaintPreview } from './preview';
import { Scanner } from './scanner';
import { HandoffPhotos } from './handoff-photos';
import { expectedPhotos, matchPhotos } from '../../../domain/wire/photo-match';
import { PUBLIC_PHOTO_MAX_BYTES, type PublicDraft } from '../../../domain/wire/public-intake';
import './qr-handoff.css';

/** The address the desk prints, to be typed: the fair's code opens its form online (PI10). */
export const typedPhoneUrl = (fair: Fair): string => `${location.origin}/p/${fair.code}`;

/** The link the filer's phone opens by the QR code: the typed address with the fair in the fragment, so it works offline. */
export const phoneUrl = (fair: Fair): string => `${typedPhoneUrl(fair)}#${phoneLinkFragment(fair)}`;

/** Issue 8 §3: the desk shows the fair's phone QR and reads the phone's animated QR back. */
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
  const scan = createHandoffScan(() => props.fair.id);
  const [scanning, setScanning] = createSignal(false);
  const [cameraError, setCameraError] = createSignal<string>();
  const [photos, setPhotos] = createSignal<ReadonlyMap<string, Blob>>(new Map());
  const [unmatched, setUnmatched] = createSignal<readonly string[]>([]);
  const [tooBig, setTooBig] = createSignal<readonly string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<ImportResult>();
  const [linkQr] = createResource(
    () => phoneUrl(props.fair),
    async (url) => (await import('../../lib/qr-code.chunk')).toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 }),
  );
  const complaint = () => {
    const p = scan.payload();
    return p?.kind === 'complaint' ? p : undefined;
  };
  const commitment = () => {
    const p = scan.payload();
    return p?.kind === 'commitment' ? p : undefined;
  };
  // eslint-disable-next-line solid/reactivity -- one body per fair (keyed above)
  const [resolved] = createResource(complaint, (p) => resolveRespondents(props.fair, p.respondents));
  // Issue 8 §3: the same intake flags as the desk form (RP1, RP4, RP5, CM3), before confirmation.
  const [flags] = createResource(
    () => {
      const p = complaint();
      const r = resolved();
      return p === undefined || r === undefined ? undefined : ([p, r] as const);
    },
    // eslint-disable-next-line solid/reactivity -- one body per fair (keyed above)
    ([p, r]) => previewPhoneFlags(p, props.fair, r.map((x) => x.respondent), nowInstant()),
  );
  const drafts = createOnlineDrafts(() => props.fair.id);
  // Diagnostics kept after the camera closes (tests): the size the decoder reads the video at, and
  // the texts only a second look read (second-look.chunk.ts).
  const [decodedAt, setDecodedAt] = createSignal('');
  const [secondReads, setSecondReads] = createSignal(0);
  const onText = (text: string, look: 'first' | 'second'): void => {
    if (look === 'second') setSecondReads(secondReads() + 1);
    scan.accept(text);
    if (scan.payload() !== undefined) setScanning(false);
  };
  const expected = () => {
    const p = complaint();
    return p === undefined ? [] : expectedPhotos(p);
  };
  // Issue 8 §3: a file belongs to the complaint only when its SHA-256 is a listed one; with
  // `only`, the clerk took it for that one line of the list.
  const addPhotos = async (files: FileList | null, only?: string): Promise<void> => {
    // PI9: the file itself is the evidence, so one over the evidence limit cannot be taken.
    const all = [...(files ?? [])];
    const fits = all.filter((f) => f.size <= PUBLIC_PHOTO_MAX_BYTES);
    const offered = await Promise.all(fits.map(async (file) => ({ sha256: await sha256OfFile(file), file })));
    const { matched, unmatched } = matchPhotos(expected(), offered, only);
    setPhotos(new Map([...photos(), ...matched]));
    setUnmatched(unmatched.map((f) => f.name));
    setTooBig(all.filter((f) => f.size > PUBLIC_PHOTO_MAX_BYTES).map((f) => f.name));
  };
  const [fetching, setFetching] = createSignal(false);
  const openDraft = async (d: PublicDraft): Promise<void> => {
    setScanning(false);
    setResult(undefined);
    setPhotos(new Map());
    setUnmatched([]);
    setTooBig([]);
    scan.offer(d.complaint, d.draftId, d.receivedAt);
    // PI8: the photos the phone sent with the draft come along, checked against their hashes.
    setFetching(true);
    try {
      const got = await drafts.fetchPhotos(d.draftId, expectedPhotos(d.complaint).map((e) => e.sha256));
      if (scan.source().kind === 'online') setPhotos(new Map([...photos(), ...got]));
    } finally {
      setFetching(false);
    }
  };
  const ready = (): boolean => {
    if (commitment() !== undefined) return true;
    const r = resolved();
    return complaint() !== undefined && r !== undefined && r.every((x) => x.respondent !== undefined);
  };
  const confirm = async (): Promise<void> => {
    if (busy() || !ready()) return;
    setBusy(true);
    try {
      const now = nowInstant();
      const c = complaint();
      const k = commitment();
      if (c !== undefined) {
        const respondents = (resolved() ?? []).flatMap((r) => (r.respondent === undefined ? [] : [r.respondent]));
        const from = scan.source();
        const r = await importPhoneComplaint(c, props.fair, respondents, photos(), props.user, now, from.kind === 'online' ? 'online' : 'phone_qr', from.kind === 'online' ? from.receivedAt : c.filedAt);
        setResult(r);
        // Filed (or already filed here): the server's draft leaves every desk's list (PI1).
        if (from.kind === 'online' && r.kind === 'cases') {
          await drafts.markFiled(from.draftId);
          drafts.refresh();
        }
      } else if (k !== undefined) {
        setResult(await importPhoneCommitment(k, props.fair, props.user, now));
      }
    } finally {
      setBusy(false);
    }
  };
  const again = (): void => {
    scan.reset();
    setResult(undefined);
    setPhotos(new Map());
    setUnmatched([]);
    setTooBig([]);
    setScanning(true);
  };
  return (
    <section class="handoff">
      <h1>{t('handoff.title')}</h1>
      <div class="handoff-grid">
        <section class="panel handoff-link">
          <h2>{t('handoff.linkTitle')}</h2>
          <Show when={linkQr()}>{(src) => <img src={src()} alt={t('handoff.linkTitle')} class="handoff-link-qr" data-testid="phone-link-qr" />}</Show>
          <p class="muted">{t('handoff.linkHint')}</p>
          <a class="mono handoff-url" href={phoneUrl(props.fair)} data-testid="phone-link" target="_blank" rel="noopener">
            {typedPhoneUrl(props.fair)}
          </a>
          <p class="muted" data-testid="phone-link-typed">
            {t('handoff.linkTyped')}
          </p>
        </section>
        <section class="panel handoff-scan">
          <h2>{t('handoff.scanTitle')}</h2>
          <Show
            when={scanning()}
            fallback={
              <Show when={scan.payload() === undefined}>
                <button type="button" class="btn primary" data-testid="scan-start" onClick={() => (setCameraError(undefined), setScanning(true))}>
                  {t('handoff.start')}
                </button>
              </Show>
            }
          >
            <Scanner onText={onText} onReady={() => performance.mark('qr-camera-ready')} onDecodedAt={setDecodedAt} onError={(d) => (setCameraError(d), setScanning(false))} />
            <button type="button" class="btn" data-testid="scan-stop" onClick={() => setScanning(false)}>
              {t('handoff.stop')}
            </button>
          </Show>
          <Show when={cameraError()}>{(d) => <Notice kind="error">{t('handoff.cameraError', { detail: d() })}</Notice>}</Show>
          <div class="handoff-progress" data-testid="scan-progress" data-received={scan.received().length} data-total={scan.total()} data-decoded-at={decodedAt()} data-second-reads={secondReads()}>
            <Show when={scan.total() > 0} fallback={<span class="muted">{scanning() ? t('handoff.waiting') : ''}</span>}>
              <span>{t('handoff.progress', { count: scan.received().length, total: scan.total() })}</span>
              <div class="parts">
                <Index each={Array.from({ length: scan.total() }, (_, i) => i)}>
                  {(i) => <span class="part" classList={{ got: scan.received().includes(i()) }} data-testid="scan-part" />}
                </Index>
              </div>
            </Show>
          </div>
          <For each={scan.issues()}>
            {(code) => (
              <Notice kind="warn" testId="scan-issue">
                <span data-code={code}>{t(`qr.${code}`)}</span>
              </Notice>
            )}
          </For>
        </section>
      </div>
      <OnlineDraftsPanel state={drafts.state()} timeZone={props.fair.settings.timeZone} busy={scan.payload() !== undefined} onOpen={(d) => void openDraft(d)} onRefresh={drafts.refresh} />
      <Show when={scan.payload()}>
        <section class="panel" data-testid="handoff-source" data-source={scan.source().kind}>
          <Notice kind="ok" testId="scan-complete">
            {t('handoff.complete')}
          </Notice>
          <Switch>
            <Match when={complaint()}>
              {(c) => (
                <>
                  <ComplaintPreview payload={c()} respondents={resolved()} photos={photos()} flags={flags()} />
                  <Show when={expected().length > 0}>
                    <HandoffPhotos expected={expected()} photos={photos()} fetching={fetching()} onFiles={(files, only) => void addPhotos(files, only)} />
                    <label class="btn">
                      {t('handoff.addPhotos')}
                      <input type="file" accept="image/*" multiple class="visually-hidden" data-testid="handoff-photos" onChange={(e) => void addPhotos(e.currentTarget.files)} />
                    </label>
                    <For each={unmatched()}>{(name) => <p class="error" data-testid="handoff-photo-stranger">{t('handoff.photoNoMatch', { name })}</p>}</For>
                    <For each={tooBig()}>{(name) => <p class="error" data-testid="handoff-photo-too-big">{t('handoff.photoTooBig', { name, mb: PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024 })}</p>}</For>
                  </Show>
                </>
              )}
            </Match>
            <Match when={commitment()}>{(k) => <CommitmentPreview payload={k()} />}</Match>
          </Switch>
          <Show
            when={result()}
            fallback={
              <div class="actions">
                <button type="button" class="btn primary" data-testid="handoff-confirm" disabled={busy() || !ready()} onClick={() => void confirm()}>
                  {t('handoff.confirm')}
                </button>
                <button type="button" class="btn" data-testid="scan-again" onClick={again}>
                  {t('handoff.again')}
                </button>
              </div>
            }
          >
            {(r) => (
              <div data-testid="handoff-result" data-kind={r().kind}>
                <Switch>
                  <Match when={r().kind === 'failed' && (r() as Extract<ImportResult, { kind: 'failed' }>)}>
                    {(f) => (
                      <Notice kind="error" testId="handoff-failed">
                        {storageErrorMessage(f().error)}
                        <For each={f().error.fields ?? []}>{(e) => <div data-code={e.code}>{`${e.field}: ${fieldErrorMessage(e)}`}</div>}</For>
                        <Show when={f().error.domain}>{(d) => <div data-code={d().code}>{caseErrorMessage(d())}</div>}</Show>
                      </Notice>
                    )}
                  </Match>
                  <Match when={r().kind !== 'failed'}>
                    <Show when={(r() as { already?: boolean }).already === true}>
                      <Notice kind="info" testId="handoff-already">
                        {t('handoff.already')}
                      </Notice>
                    </Show>
                    <Show when={r().kind === 'cases' && (r() as Extract<ImportResult, { kind: 'cases' }>)}>
                      {(cr) => (
                        <Notice kind="ok" testId="handoff-imported">
                          {t('handoff.importedCases', { numbers: cr().cases.map((c) => c.caseNo).join(', ') })}
                          <For each={cr().cases}>
                            {(c) => (
                              <A class="btn" href={`/cases/${c.id}`} data-case-no={c.caseNo}>
                                {c.caseNo}
                              </A>
                            )}
                          </For>
                        </Notice>
                      )}
                    </Show>
                    <Show when={r().kind === 'commitment' && (r() as Extract<ImportResult, { kind: 'commitment' }>)}>
                      {(cm) => (
                        <Notice kind="ok" testId="handoff-imported">
                          {t('handoff.importedCommitment', { version: cm().version })}
                        </Notice>
                      )}
                    </Show>
                  </Match>
                </Switch>
                <button type="button" class="btn" data-testid="scan-next" onClick={again}>
                  {t('handoff.again')}
                </button>
              </div>
            )}
          </Show>
        </section>
      </Show>
    </section>
  );
}
