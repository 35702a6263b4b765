import { For, Show, type JSX } from 'solid-js';
import type { FieldError } from '../../../domain/field-errors';
import { t } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { TextField } from '../../ui/field';
import { EvidencePhotos } from '../../evidence/evidence-photos';
import { blankItem, type ComplaintForm } from './complaint-form';

/**
 * The accused items, each with its evidence photos: from the camera (`capture=environment`)
 * or a file, downscaled to ≤ 1600 px and stored as evidence (SHA-256, time, device, user) at once.
 */
export function ItemsFields(props: {
  readonly form: ComplaintForm;
  readonly errors: readonly FieldError[];
  readonly update: (mutate: (d: ComplaintForm) => void) => void;
  readonly onPhotos: (itemIndex: number, files: File[]) => Promise<void>;
  readonly photoError?: string | undefined;
  /** The fair's time zone, for the photos' capture times. */
  readonly zone: string;
}): JSX.Element {
  return (
    <>
      <For each={props.form.items}>
        {(item, i) => (
          <div class="panel sub" data-testid={`item-${i()}`}>
            <TextField
              label={t('item.description')}
              name={`accusedItems.${i()}.description`}
              value={item.description}
              error={messageAt(props.errors, `accusedItems.${i()}.description`)}
              onInput={(v) => {
                const idx = i();
                props.update((d) => {
                  const x = d.items[idx];
                  if (x !== undefined) x.description = v;
                });
              }}
            />
            <div class="field">
              <label for={`photo-${i()}`}>{t('item.photos')}</label>
              <input
                id={`photo-${i()}`}
                name={`photos.${i()}`}
                data-testid={`photo-input-${i()}`}
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                onChange={(e) => {
                  const input = e.currentTarget;
                  const files = Array.from(input.files ?? []);
                  void props.onPhotos(i(), files).then(() => (input.value = ''));
                }}
              />
              <p class="hint" data-testid={`photo-count-${i()}`} data-count={item.evidenceIds.length}>
                {t('evidence.count', { count: item.evidenceIds.length })}
              </p>
              <EvidencePhotos ids={item.evidenceIds} zone={props.zone} testId={`item-photos-${i()}`} />
            </div>
            <Show when={props.form.items.length > 1}>
              <button type="button" class="btn danger" onClick={() => {
                const idx = i();
                props.update((d) => void d.items.splice(idx, 1));
              }}>
                {t('intake.removeRow')}
              </button>
            </Show>
          </div>
        )}
      </For>
      <Show when={props.photoError}>{(m) => <p class="error" role="alert">{t('item.photoFailed', { message: m() })}</p>}</Show>
      <button type="button" class="btn" data-testid="add-item" onClick={() => props.update((d) => void d.items.push(blankItem()))}>
        {t('item.add')}
      </button>
    </>
  );
}
