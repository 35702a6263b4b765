import { For, Show, createSignal, onMount, type JSX } from 'solid-js';
import type { TrustedKeys } from '../../../domain/wire/console-annual';
import { Notice } from '../../../app/ui/notice';
import { failureText } from '../../lib/failure';
import { translator } from '../../lib/i18n';
import { addTrustedKey, importSummaryFile, readTrustedKeys } from './annual.data';
import { importMessages } from './import.messages';

const t = translator(importMessages);

/**
 * Fairs held on another server (ANNUAL-SPEC AR13, AR14): their signed summary files imported
 * here, and the senders' keys the administration trusts, each shown as its fingerprint.
 */
export function ImportPanel(props: { readonly onImported: () => void }): JSX.Element {
  const [keys, setKeys] = createSignal<TrustedKeys>();
  const [result, setResult] = createSignal<{ kind: 'ok' | 'error'; text: string }>();
  const [keyResult, setKeyResult] = createSignal<{ kind: 'ok' | 'error'; text: string }>();
  const [publicKey, setPublicKey] = createSignal('');
  const [label, setLabel] = createSignal('');
  onMount(async () => {
    const r = await readTrustedKeys();
    if (r.ok) setKeys(r.value);
  });
  const upload = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return void setResult({ kind: 'error', text: t('summaryFile.notJson', { file: file.name }) });
    }
    const r = await importSummaryFile(json);
    if (!r.ok) return void setResult({ kind: 'error', text: `${file.name}: ${failureText(r.failure)}` });
    setResult({ kind: 'ok', text: t(`summaryFile.${r.value.result}`, { file: file.name, revision: r.value.revision, replaced: r.value.replacedRevision ?? '' }) });
    props.onImported();
  };
  const add = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await addTrustedKey(publicKey(), label());
    if (!r.ok) return void setKeyResult({ kind: 'error', text: failureText(r.failure) });
    setKeys(r.value);
    setPublicKey('');
    setLabel('');
    setKeyResult({ kind: 'ok', text: t('keys.added') });
  };
  return (
    <section class="panel no-print" data-testid="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('summaryFile.title')}</h2>
      <p class="muted">{t('summaryFile.explain')}</p>
      <div class="field">
        <label for="summary-file">{t('summaryFile.file')}</label>
        <input id="summary-file" type="file" accept="application/json,.json" data-testid="import-file" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
      </div>
      <Show when={result()}>{(m) => <Notice kind={m().kind} testId="import-result">{m().text}</Notice>}</Show>
      <h3>{t('keys.title')}</h3>
      <Show when={keys()}>
        {(k) => (
          <>
            <p>
              {t('keys.own')} <code data-testid="own-fingerprint">{k().own.fingerprint}</code>
            </p>
            <ul class="typed-list" data-testid="trusted-keys">
              <For each={k().keys} fallback={<li class="muted">{t('keys.none')}</li>}>
                {(key) => (
                  <li>
                    {key.label}: <code>{key.fingerprint}</code>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
      <form class="row" onSubmit={(e) => void add(e)}>
        <div class="field">
          <label for="key-hex">{t('keys.publicKey')}</label>
          <input id="key-hex" value={publicKey()} onInput={(e) => setPublicKey(e.currentTarget.value)} size={66} autocomplete="off" />
        </div>
        <div class="field">
          <label for="key-label">{t('keys.label')}</label>
          <input id="key-label" value={label()} onInput={(e) => setLabel(e.currentTarget.value)} autocomplete="off" />
        </div>
        <button type="submit" class="btn">{t('keys.add')}</button>
      </form>
      <Show when={keyResult()}>{(m) => <Notice kind={m().kind}>{m().text}</Notice>}</Show>
    </section>
  );
}
