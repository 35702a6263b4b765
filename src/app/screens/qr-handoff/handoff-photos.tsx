import { For, Show, type JSX } from 'solid-js';
import type { ExpectedPhoto } from '../../../domain/wire/photo-match';
import { galleryLabels } from '../../evidence/evidence-photos';
import { t } from '../../i18n/index';
import { EvidenceGallery, type GalleryPhoto } from '../../ui/evidence-gallery';
import type { PhotoFiles } from './handoff-import';

/**
 * The photos the phone listed, one line each: its code (the hash's first 8
 * characters, as the phone shows it), the item and the phone's file name; the clerk takes or
 * chooses the photo on that line, and the line says plainly whether its SHA-256 matches.
 */
export function HandoffPhotos(props: {
  readonly expected: readonly ExpectedPhoto[];
  readonly photos: PhotoFiles;
  readonly fetching: boolean;
  readonly onFiles: (files: FileList | null, only: string) => void;
}): JSX.Element {
  const matched = (): number => props.expected.filter((e) => props.photos.has(e.sha256)).length;
  return (
    <section class="handoff-photos" data-testid="handoff-photo-list" data-matched={matched()} data-total={props.expected.length}>
      <h3>{t('handoff.photosTitle')}</h3>
      <p data-testid="handoff-photo-summary" classList={{ ok: matched() === props.expected.length }}>
        {props.fetching ? t('handoff.photosFetching') : t('handoff.photosSummary', { matched: matched(), total: props.expected.length })}
      </p>
      <ul>
        <For each={props.expected}>
          {(e) => {
            const file = (): Blob | undefined => props.photos.get(e.sha256);
            const photo = (): GalleryPhoto[] => {
              const f = file();
              return f === undefined
                ? []
                : [{ key: e.sha256, load: () => Promise.resolve(f), caption: e.code, facts: [
                    { label: t('handoff.photoCode'), value: e.code },
                    { label: t('handoff.photoItem'), value: e.itemDescription },
                    { label: t('evidence.fileName'), value: e.name ?? '' },
                    { label: t('evidence.sha256'), value: e.sha256, mono: true },
                  ] }];
            };
            return (
              <li data-testid="handoff-photo" data-code={e.code} data-matched={file() !== undefined}>
                <span class="mono handoff-photo-code">{e.code}</span>
                <span class="handoff-photo-what">
                  {e.itemDescription}
                  <Show when={e.name}>{(n) => <span class="muted"> · {n()}</span>}</Show>
                </span>
                <strong classList={{ ok: file() !== undefined, error: file() === undefined }} data-testid="handoff-photo-status">
                  {file() !== undefined ? t('handoff.photoMatch') : t('handoff.photoMissing')}
                </strong>
                <EvidenceGallery photos={photo()} labels={galleryLabels()} testId={`handoff-photo-thumb-${e.code}`} />
                <Show when={file() === undefined}>
                  <label class="btn">
                    {t('handoff.photoTake')}
                    <input type="file" accept="image/*" capture="environment" class="visually-hidden" data-testid={`handoff-photo-input-${e.code}`} onChange={(ev) => props.onFiles(ev.currentTarget.files, e.sha256)} />
                  </label>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </section>
  );
}
