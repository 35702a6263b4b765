import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { TransportError } from '../../../sync/transport';
import { t } from '../../i18n/index';
import { useAppState } from '../../state/app-state';
import { enrol } from '../../sync/sync-runner';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { syncErrorText } from './sync.data';
import './enrol-form.css';

type Scanner = { stop(): Promise<void> };

/**
 * Enrolment (SY40–SY45): the organizer shows a one-time code as a QR code; the tablet scans
 * it, or the code is typed (always possible: a tablet without a working camera still enrols).
 * The server address defaults to this page's origin (the server serves the app).
 */
export function EnrolForm(props: { readonly onDone?: (deviceCode: string) => void }): JSX.Element {
  const app = useAppState();
  const [server, setServer] = createSignal(location.origin);
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal(app.device()?.name ?? '');
  const [busy, setBusy] = createSignal(false);
  // Messages as thunks, so they follow a language switch.
  const [error, setError] = createSignal<() => string>();
  const [scanning, setScanning] = createSignal(false);
  let scanner: Scanner | undefined;
  const stopScan = async (): Promise<void> => {
    setScanning(false);
    await scanner?.stop().catch(() => undefined);
    scanner = undefined;
  };
  onCleanup(() => void stopScan());

  const scan = async (): Promise<void> => {
    setError();
    try {
      const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('../../lib/qr-scanner.chunk');
      setScanning(true);
      // QR only, on a camera area no wider than the hand-off's: every other barcode format and
      // every extra pixel is decoding work a cheap tablet does ten times a second.
      const reader = new Html5Qrcode('enrol-scanner', { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
      scanner = reader;
      await reader.start({ facingMode: 'environment' }, { fps: 10 }, (text) => {
        // The QR holds the code itself, or a link carrying it as `?code=`.
        const fromLink = /[?&]code=([^&]+)/.exec(text)?.[1];
        setCode(decodeURIComponent(fromLink ?? text).trim());
        void stopScan();
      }, () => undefined);
    } catch {
      await stopScan();
      setError(() => () => t('sync.enrol.scanFailed'));
    }
  };

  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError();
    try {
      const deviceCode = await enrol(server().replace(/\/+$/, ''), code(), name().trim() || (app.device()?.name ?? 'Tablet'), app.device()?.shortCode);
      setCode('');
      props.onDone?.(deviceCode);
    } catch (x) {
      const code = x instanceof TransportError ? x.code : 'UNKNOWN';
      setError(() => () => syncErrorText(code));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel form" data-testid="enrol-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('sync.enrol.title')}</h2>
      <p class="muted">{t('sync.enrol.hint')}</p>
      <TextField label={t('sync.enrol.server')} name="enrol-server" value={server()} onInput={setServer} />
      <TextField label={t('sync.enrol.code')} name="enrol-code" value={code()} onInput={setCode} autocapitalize="off" />
      <TextField label={t('sync.enrol.name')} name="enrol-name" value={name()} onInput={setName} />
      <div id="enrol-scanner" class="enrol-scanner" hidden={!scanning()} />
      <Show when={error()}>{(m) => <Notice kind="error" testId="enrol-error">{m()()}</Notice>}</Show>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy() || code().trim() === ''} data-testid="enrol-submit">
          {t('sync.enrol.submit')}
        </button>
        <Show
          when={scanning()}
          fallback={
            <button type="button" class="btn" onClick={() => void scan()} data-testid="enrol-scan">
              {t('sync.enrol.scan')}
            </button>
          }
        >
          <button type="button" class="btn" onClick={() => void stopScan()}>
            {t('sync.enrol.stopScan')}
          </button>
        </Show>
      </div>
    </form>
  );
}
