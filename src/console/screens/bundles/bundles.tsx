import { For, Show, createSignal, type JSX } from 'solid-js';
import { bundleErrorText } from '../../../app/i18n/bundle';
import { failureText } from '../../lib/failure';
import { translator } from '../../lib/i18n';
import { tooLarge, uploadBundle, type UploadOutcome } from './bundles.data';
import { bundlesMessages } from './bundles.messages';
import './bundles.css';

const t = translator(bundlesMessages);

type Job =
  | { readonly state: 'queued' }
  | { readonly state: 'sending'; readonly sent: number }
  | { readonly state: 'checking' }
  | { readonly state: 'done'; readonly outcome: UploadOutcome }
  | { readonly state: 'skipped'; readonly why: 'notZip' | 'tooLarge' };

interface Row {
  readonly id: number;
  readonly file: File;
  readonly job: () => Job;
  readonly set: (j: Job) => void;
}

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const isZip = (f: File): boolean => /\.zip$/i.test(f.name) || /zip/.test(f.type);

/** A result in words (CO44): the counts, or the refusal's code in the reader's language. */
function resultText(o: UploadOutcome): { kind: 'ok' | 'error'; text: string } {
  if (o.kind === 'reply') {
    const r = o.reply;
    if (r.type === 'bundle-refused') return { kind: 'error', text: t('bundles.refused', { reason: bundleErrorText(r.error) }) };
    return { kind: 'ok', text: t('bundles.applied', { items: r.items, applied: r.applied, duplicates: r.duplicates, conflicts: r.conflicts, rejected: r.rejected, files: r.blobsStored }) };
  }
  const failure = o.kind === 'refused' ? ({ kind: 'refused', status: o.status, reply: o.reply } as const) : ({ kind: o.kind } as const);
  return { kind: 'error', text: t('bundles.failed', { reason: failureText(failure) }) };
}

/**
 * `/bundles`: bundle files dropped or chosen, sent one after another through the server's
 * bundle ingest (CO43), each with its bytes sent and then its result in words (CO44).
 */
export default function Bundles(): JSX.Element {
  const [rows, setRows] = createSignal<readonly Row[]>([]);
  const [over, setOver] = createSignal(false);
  let next = 0;
  let running = false;

  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    for (;;) {
      const row = rows().find((r) => r.job().state === 'queued');
      if (row === undefined) break;
      row.set({ state: 'sending', sent: 0 });
      const outcome = await uploadBundle(row.file, (sent) => row.set(sent >= row.file.size ? { state: 'checking' } : { state: 'sending', sent }));
      row.set({ state: 'done', outcome });
    }
    running = false;
  };
  const add = (files: FileList | null | undefined): void => {
    if (files === null || files === undefined || files.length === 0) return;
    const added = [...files].map((file): Row => {
      const [job, set] = createSignal<Job>(!isZip(file) ? { state: 'skipped', why: 'notZip' } : tooLarge(file) ? { state: 'skipped', why: 'tooLarge' } : { state: 'queued' });
      return { id: ++next, file, job, set };
    });
    setRows((r) => [...r, ...added]);
    void run();
  };

  const totals = () => {
    let sent = 0;
    let total = 0;
    let items = 0;
    let done = 0;
    for (const r of rows()) {
      const j = r.job();
      if (j.state === 'skipped') continue;
      total += r.file.size;
      if (j.state === 'sending') sent += j.sent;
      else if (j.state !== 'queued') sent += r.file.size;
      if (j.state === 'done') {
        done++;
        if (j.outcome.kind === 'reply' && j.outcome.reply.type === 'bundle-result') items += j.outcome.reply.items;
      }
    }
    return { sent, total, items, done };
  };

  return (
    <>
      <h1>{t('bundles.title')}</h1>
      <p class="muted">{t('bundles.lead')}</p>
      <div
        class="drop-zone"
        classList={{ over: over() }}
        data-testid="bundle-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer?.files);
        }}
      >
        <p>{t('bundles.drop')}</p>
        <p>
          {t('bundles.or')}{' '}
          <label class="btn">
            {t('bundles.choose')}
            <input
              type="file"
              class="sr-only"
              multiple
              accept=".zip,application/zip"
              data-testid="bundle-input"
              onChange={(e) => {
                add(e.currentTarget.files);
                e.currentTarget.value = '';
              }}
            />
          </label>
        </p>
        <p class="muted">{t('bundles.limit')}</p>
      </div>
      <Show when={rows().length > 0}>
        <section class="panel">
          <p data-testid="bundle-overall" role="status">
            <progress max={Math.max(1, totals().total)} value={totals().sent} />{' '}
            {t('bundles.overall', { files: rows().length, done: totals().done, sent: size(totals().sent), total: size(totals().total), items: totals().items })}
          </p>
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t('bundles.col.file')}</th>
                  <th scope="col">{t('bundles.col.progress')}</th>
                  <th scope="col">{t('bundles.col.result')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(r) => (
                    <tr data-testid="bundle-row" data-state={r.job().state}>
                      <td>
                        <span class="mono">{r.file.name}</span>
                        <div class="muted">{size(r.file.size)}</div>
                      </td>
                      <td>
                        <BundleProgress row={r} />
                      </td>
                      <td data-testid="bundle-result">
                        <BundleResult job={r.job()} total={r.file.size} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </section>
      </Show>
    </>
  );
}

function BundleProgress(props: { readonly row: Row }): JSX.Element {
  const sent = (): number => {
    const j = props.row.job();
    return j.state === 'sending' ? j.sent : j.state === 'queued' || j.state === 'skipped' ? 0 : props.row.file.size;
  };
  return (
    <Show when={props.row.job().state !== 'skipped'}>
      <progress max={Math.max(1, props.row.file.size)} value={sent()} aria-label={props.row.file.name} />
    </Show>
  );
}

function BundleResult(props: { readonly job: Job; readonly total: number }): JSX.Element {
  const text = (): { kind: 'ok' | 'error' | 'info'; text: string } => {
    const j = props.job;
    switch (j.state) {
      case 'queued':
        return { kind: 'info', text: t('bundles.queued') };
      case 'sending':
        return { kind: 'info', text: t('bundles.sending', { sent: size(j.sent), total: size(props.total) }) };
      case 'checking':
        return { kind: 'info', text: t('bundles.checking') };
      case 'skipped':
        return { kind: 'error', text: t(j.why === 'notZip' ? 'bundles.notZip' : 'bundles.tooLarge') };
      case 'done':
        return resultText(j.outcome);
    }
  };
  return <span class={`result-${text().kind}`}>{text().text}</span>;
}
