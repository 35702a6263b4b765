import { createSignal, For, Show, type JSX } from 'solid-js';
import { bundleErrorText } from '../../i18n/bundle';
import { t } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import type { BuildProgress, BuiltBundle } from '../../../sync/bundle/build-bundle';
import { exportBundle, handOver, importFile, uploadFile, type PanelError } from './bundle-panel.data';
import { syncErrorText } from './sync.data';

/**
 * The bundle file on the sync screen (BUNDLE-SPEC.md). Chosen over a separate upload page on the
 * server: the tablet that carries a bundle already runs this app, precached and offline, in the
 * person's language, with its enrolment token; a server page would need its own login, strings
 * and build. The organizer uploads from a shell with `POST /api/bundles` (README).
 */

/** A message as a thunk, so it follows a language switch (as the sync screen's notices). */
type Message = { readonly kind: 'ok' | 'warn' | 'error'; readonly text: () => string };

const errorText = (e: PanelError): string => (e.code.startsWith('BUNDLE_') || e.code === 'NETWORK' ? bundleErrorText(e) : syncErrorText(e.code));

export function BundlePanel(props: { readonly enrolled: boolean }): JSX.Element {
  const [progress, setProgress] = createSignal<BuildProgress>();
  const [exporting, setExporting] = createSignal(false);
  const [built, setBuilt] = createSignal<Pick<BuiltBundle, 'bytes' | 'fileName'>>();
  const [file, setFile] = createSignal<File>();
  const [working, setWorking] = createSignal(false);
  const [messages, setMessages] = createSignal<readonly Message[]>([]);

  const progressText = (): string => {
    const p = progress();
    if (p === undefined) return '';
    return t(`bundle.phase.${p.phase}`, { done: p.done, total: p.total });
  };

  const runExport = async (): Promise<void> => {
    setExporting(true);
    setMessages([]);
    try {
      const result = await exportBundle(setProgress);
      if (!result.ok) {
        setMessages([{ kind: 'error', text: () => errorText(result.error) }]);
        return;
      }
      const b = result.value;
      setBuilt({ bytes: b.bytes, fileName: b.fileName });
      const notes: Message[] = [{ kind: 'ok', text: () => t('bundle.exported', { items: b.items, files: b.files, name: b.fileName }) }];
      if (b.leftOut > 0) notes.push({ kind: 'warn', text: () => t('bundle.leftOut', { count: b.leftOut }) });
      setMessages(notes);
      await handOver(b);
    } finally {
      setExporting(false);
      setProgress();
    }
  };

  const runWithFile = async (action: 'import' | 'upload'): Promise<void> => {
    const chosen = file();
    if (chosen === undefined) {
      setMessages([{ kind: 'error', text: () => t('bundle.noFile') }]);
      return;
    }
    setWorking(true);
    setMessages([]);
    try {
      if (action === 'import') {
        const r = await importFile(chosen);
        if (!r.ok) return void setMessages([{ kind: 'error', text: () => errorText(r.error) }]);
        const s = r.value;
        setMessages([{ kind: 'ok', text: () => (s.items === 0 && s.own > 0 ? t('bundle.importedOwn') : t('bundle.imported', { code: s.deviceCode, items: s.items, files: s.filesAdded })) }]);
        return;
      }
      const r = await uploadFile(chosen);
      if (!r.ok) return void setMessages([{ kind: 'error', text: () => errorText(r.error) }]);
      const s = r.value;
      const notes: Message[] = [
        { kind: 'ok', text: () => t('bundle.uploaded', { applied: s.applied, duplicates: s.duplicates, conflicts: s.conflicts, rejected: s.rejected, files: s.blobsStored }) },
      ];
      if (s.skipped > 0) notes.push({ kind: 'warn', text: () => t('bundle.skipped', { count: s.skipped }) });
      setMessages(notes);
    } finally {
      setWorking(false);
    }
  };

  return (
    <section class="panel" data-testid="bundle-panel">
      <h2>{t('bundle.title')}</h2>
      <p class="muted">{t('bundle.hint')}</p>
      <div class="actions">
        <button type="button" class="btn primary" data-testid="bundle-export" disabled={exporting()} onClick={() => void runExport()}>
          {exporting() ? t('bundle.exporting') : t('bundle.export')}
        </button>
        <Show when={built()}>
          {(b) => (
            <button type="button" class="btn" data-testid="bundle-download" onClick={() => void handOver(b())}>
              {t('bundle.download')}
            </button>
          )}
        </Show>
      </div>
      <Show when={progress()}>
        {(p) => (
          <p data-testid="bundle-progress" role="status">
            <progress max={Math.max(1, p().total)} value={p().done} /> {progressText()}
          </p>
        )}
      </Show>
      <label class="field">
        <span>{t('bundle.file')}</span>
        <input type="file" accept=".zip,application/zip" data-testid="bundle-file" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      </label>
      <div class="actions">
        <button type="button" class="btn" data-testid="bundle-import" disabled={working()} onClick={() => void runWithFile('import')}>
          {working() ? t('bundle.working') : t('bundle.import')}
        </button>
        <button type="button" class="btn" data-testid="bundle-upload" disabled={working() || !props.enrolled} onClick={() => void runWithFile('upload')}>
          {t('bundle.upload')}
        </button>
      </div>
      <div data-testid="bundle-messages">
        <For each={messages()}>
          {(m) => (
            <Notice kind={m.kind} testId={`bundle-${m.kind}`}>
              {m.text()}
            </Notice>
          )}
        </For>
      </div>
    </section>
  );
}
