import { createMemo, type JSX } from 'solid-js';
import type { Evidence } from '../../domain/evidence';
import { formatInZone } from '../../domain/time';
import { knownCodes } from '../../store/device-codes';
import { getBlob, getEvidenceList } from '../../store/evidence';
import { listUsers } from '../../store/users';
import { t } from '../i18n/index';
import { createLiveQuery, createLiveQueryOn } from '../lib/live-query';
import { EvidenceGallery, type GalleryLabels, type GalleryPhoto } from '../ui/evidence-gallery';

/**
 * Evidence records shown as the gallery (src/app/ui/evidence-gallery.tsx) with their chain of
 * custody in words: captured at (the fair's zone), the device by its code, the person, the hash.
 * Used by the intake, the case page and measure verification.
 */
export const galleryLabels = (): GalleryLabels => ({
  open: (index, total) => t('evidence.open', { index, total }),
  title: (index, total) => t('evidence.title', { index, total }),
  close: t('evidence.close'),
  previous: t('evidence.previous'),
  next: t('evidence.next'),
  zoomIn: t('evidence.zoomIn'),
  zoomOut: t('evidence.zoomOut'),
  zoomReset: t('evidence.zoomReset'),
  missing: t('evidence.missing'),
});

/** The facts of one record, worded; `codes` maps a device id to its code(s), `names` a user id to a name. */
export function evidenceFacts(e: Evidence, zone: string, codes: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): GalleryPhoto['facts'] {
  const device = codes.get(e.deviceId) ?? t('evidence.deviceUnknown');
  const person = names.get(e.capturedBy ?? '') ?? ((e.capturedBy as string | undefined) === e.deviceId ? t('evidence.personDevice', { code: device }) : (e.capturedBy ?? ''));
  return [
    { label: t('evidence.capturedAt'), value: formatInZone(e.capturedAt, zone) },
    { label: t('evidence.device'), value: device },
    { label: t('evidence.person'), value: person },
    { label: t('evidence.sha256'), value: e.sha256, mono: true },
  ];
}

export function EvidencePhotos(props: { readonly ids: readonly string[]; readonly zone: string; readonly testId?: string }): JSX.Element {
  const records = createLiveQueryOn(
    () => props.ids.join(','),
    () => getEvidenceList(props.ids),
  );
  const codes = createLiveQuery(async () => {
    const map = new Map<string, string>();
    for (const { deviceId, code } of await knownCodes()) map.set(deviceId, map.has(deviceId) ? `${map.get(deviceId) ?? ''}/${code}` : code);
    return map;
  });
  const users = createLiveQuery(async () => new Map((await listUsers()).map((u) => [u.id as string, u.name])));
  // One photo object per record and wording, so a re-read does not reload every thumbnail.
  const cache = new Map<string, { words: string; photo: GalleryPhoto }>();
  const photos = createMemo((): GalleryPhoto[] =>
    (records() ?? []).map((e) => {
      const facts = evidenceFacts(e, props.zone, codes() ?? new Map(), users() ?? new Map());
      const words = JSON.stringify(facts);
      const hit = cache.get(e.id);
      if (hit !== undefined && hit.words === words) return hit.photo;
      const photo: GalleryPhoto = { key: e.id, load: () => getBlob(e.sha256), facts, caption: e.sha256.slice(0, 8) };
      cache.set(e.id, { words, photo });
      return photo;
    }),
  );
  return <EvidenceGallery photos={photos()} labels={galleryLabels()} testId={props.testId} />;
}

/** Files picked but not saved yet (a measure's photos before the form is sent): shown with their names. */
export function FilePhotos(props: { readonly files: readonly File[]; readonly testId?: string }): JSX.Element {
  const cache = new WeakMap<File, GalleryPhoto>();
  const photos = createMemo((): GalleryPhoto[] =>
    props.files.map((file, i) => {
      const hit = cache.get(file);
      if (hit !== undefined) return hit;
      const photo: GalleryPhoto = {
        key: `file-${i}-${file.name}`,
        load: () => Promise.resolve(file),
        facts: [
          { label: t('evidence.fileName'), value: file.name },
          { label: t('evidence.capturedAt'), value: t('evidence.notSaved') },
        ],
      };
      cache.set(file, photo);
      return photo;
    }),
  );
  return <EvidenceGallery photos={photos()} labels={galleryLabels()} testId={props.testId} />;
}
