import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { Fair } from '../../domain/fair';
import type { FieldError } from '../../domain/field-errors';
import { t } from '../i18n/index';
import { messageAt, messagesUnder } from '../lib/field-errors';
import { PartyFields } from '../screens/complaint-intake/party-fields';
import { RightsFields } from '../screens/complaint-intake/rights-fields';
import type { ComplaintForm } from '../screens/complaint-intake/complaint-form';
import { CheckField, TextField } from '../ui/field';
import type { PhoneComplaintForm } from './phone-form';
import type { PhoneDraft } from './phone-draft';
import { photoFile } from './photo-files';
import { photoRef } from './photo-hash';
import { SignatureStrokes } from './signature-strokes';

/** A picked photo as the filer knows it: a small preview while the page holds the file, and its name. */
function PhotoLine(props: { readonly sha256: string; readonly name: string | undefined; readonly n: number; readonly onRemove: () => void }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- one line per photo (keyed by the For above)
  const file = photoFile(props.sha256);
  const url = file === undefined ? undefined : URL.createObjectURL(file);
  onCleanup(() => url !== undefined && URL.revokeObjectURL(url));
  return (
    <li data-testid="phone-photo">
      <Show when={url}>{(u) => <img class="phone-photo-thumb" src={u()} alt="" />}</Show>
      <span class="phone-photo-name">{props.name ?? t('phone.photoUnnamed', { n: props.n })}</span>
      <button type="button" class="btn small" onClick={() => props.onRemove()}>
        {t('phone.remove')}
      </button>
    </li>
  );
}

/**
 * The complaint on the phone: complainant (and agent), rights, the exhibitor by booth or name,
 * accused items with a short description and photos (listed by SHA-256 for the desk's check, sent
 * along online, PI7), and the signature. The party and right fields are the desk intake's own
 * components.
 */
export function PhoneComplaintFields(props: { readonly form: PhoneDraft<PhoneComplaintForm>; readonly fair: Fair; readonly errors: readonly FieldError[] }): JSX.Element {
  const f = (): PhoneComplaintForm => props.form.data;
  const update = (m: (d: PhoneComplaintForm) => void): void => props.form.update(m);
  // The rights component reads and writes only `rights`, which both forms share.
  const asDesk = (): ComplaintForm => f() as unknown as ComplaintForm;
  const at = (p: string): string | undefined => messageAt(props.errors, p);
  const setResp = (i: number, m: (r: PhoneComplaintForm['respondents'][number]) => void): void =>
    update((d) => {
      const r = d.respondents[i];
      if (r !== undefined) m(r);
    });
  const setItem = (i: number, m: (r: PhoneComplaintForm['items'][number]) => void): void =>
    update((d) => {
      const r = d.items[i];
      if (r !== undefined) m(r);
    });
  // Online, the photos go with the complaint (PI7); offline, the desk checks them by hand.
  const [online, setOnline] = createSignal(navigator.onLine);
  const onNet = (): void => void setOnline(navigator.onLine);
  window.addEventListener('online', onNet);
  window.addEventListener('offline', onNet);
  onCleanup(() => (window.removeEventListener('online', onNet), window.removeEventListener('offline', onNet)));
  const removeAt = (list: 'respondents' | 'items', i: number): void => update((d) => void d[list].splice(i, 1));
  const addPhotos = async (i: number, files: FileList | null): Promise<void> => {
    const refs = await Promise.all([...(files ?? [])].map((file) => photoRef(file)));
    update((d) => void d.items[i]?.photos.push(...refs));
  };
  return (
    <>
      <section class="panel">
        <h2>{t('phone.complainant')}</h2>
        <PartyFields prefix="complainant" party={f().complainant} errors={props.errors} onChange={(m) => update((d) => m(d.complainant))} />
        <CheckField label={t('phone.hasAgent')} name="hasAgent" checked={f().hasAgent} onChange={(v) => update((d) => void (d.hasAgent = v))} />
        <Show when={f().hasAgent}>
          <h3>{t('phone.agent')}</h3>
          <PartyFields prefix="agent" party={f().agent} errors={props.errors} onChange={(m) => update((d) => m(d.agent))} />
        </Show>
      </section>
      <section class="panel">
        <h2>{t('phone.rights')}</h2>
        <RightsFields form={asDesk()} fair={props.fair} errors={props.errors} update={(m) => update((d) => m(d as unknown as ComplaintForm))} />
      </section>
      <section class="panel">
        <h2>{t('phone.respondents')}</h2>
        <For each={f().respondents}>
          {(r, i) => (
            <div class="panel sub" data-testid={`respondent-${i()}`}>
              <TextField label={t('phone.respondentName')} name={`respondents.${i()}.name`} value={r.name} error={at(`respondents.${i()}.name`)} onInput={(v) => setResp(i(), (x) => (x.name = v))} />
              <div class="phone-booth">
                <TextField label={t('phone.hall')} name={`respondents.${i()}.hall`} value={r.hall} autocapitalize="characters" error={messagesUnder(props.errors, `respondents.${i()}.booth`)} onInput={(v) => setResp(i(), (x) => (x.hall = v.toUpperCase()))} />
                <TextField label={t('phone.stand')} name={`respondents.${i()}.stand`} value={r.stand} autocapitalize="characters" onInput={(v) => setResp(i(), (x) => (x.stand = v.toUpperCase()))} />
              </div>
              <Show when={f().respondents.length > 1}>
                <button type="button" class="btn danger" onClick={() => removeAt('respondents', i())}>
                  {t('phone.remove')}
                </button>
              </Show>
            </div>
          )}
        </For>
        <button type="button" class="btn" data-testid="add-respondent" onClick={() => update((d) => void d.respondents.push({ name: '', hall: '', stand: '' }))}>
          {t('phone.addRespondent')}
        </button>
      </section>
      <section class="panel">
        <h2>{t('phone.items')}</h2>
        <For each={f().items}>
          {(item, i) => (
            <div class="panel sub" data-testid={`item-${i()}`}>
              <label class="field" classList={{ invalid: at(`accusedItems.${i()}.description`) !== undefined }}>
                <span class="label">{t('phone.itemDescription')}</span>
                <textarea name={`accusedItems.${i()}.description`} rows="3" maxLength={500} value={item.description} onInput={(e) => {
                  const v = e.currentTarget.value;
                  setItem(i(), (x) => (x.description = v));
                }} />
                <Show when={at(`accusedItems.${i()}.description`)}>
                  <span class="error">{at(`accusedItems.${i()}.description`)}</span>
                </Show>
              </label>
              <p class="label">{t('phone.photos')}</p>
              <p class="muted" data-testid={`photos-note-${i()}`} data-online={online()}>
                {online() ? t('phone.photosOnline') : t('phone.photosOffline')}
              </p>
              <ul class="phone-photos">
                <For each={item.photos}>
                  {(p, j) => (
                    <PhotoLine sha256={p.sha256} name={p.name} n={j() + 1} onRemove={() => {
                      const k = j();
                      setItem(i(), (x) => void x.photos.splice(k, 1));
                    }} />
                  )}
                </For>
              </ul>
              <label class="btn">
                {t('phone.addPhotos')}
                <input type="file" accept="image/*" multiple class="visually-hidden" data-testid={`photos-${i()}`} onChange={(e) => void addPhotos(i(), e.currentTarget.files)} />
              </label>
              <Show when={f().items.length > 1}>
                <button type="button" class="btn danger" onClick={() => removeAt('items', i())}>
                  {t('phone.remove')}
                </button>
              </Show>
            </div>
          )}
        </For>
        <button type="button" class="btn" data-testid="add-item" onClick={() => update((d) => void d.items.push({ description: '', photos: [] }))}>
          {t('phone.addItem')}
        </button>
      </section>
      <section class="panel">
        <SignatureStrokes value={f().signature} error={at('signature')} onChange={(s) => update((d) => void (d.signature = s))} />
      </section>
    </>
  );
}
