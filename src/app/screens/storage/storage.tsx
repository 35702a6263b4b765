import { Show, type JSX } from 'solid-js';
import { formatInZone } from '../../../domain/time';
import { t } from '../../i18n/index';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';
import { createStorageData, formatBytes } from './storage.data';

/** Which build this kiosk runs (set `VITE_BUILD_ID` when building a release). */
const BUILD_ID: string = (import.meta.env.VITE_BUILD_ID as string | undefined) ?? 'dev';

export function StorageScreen(): JSX.Element {
  const data = createStorageData();
  const app = useAppState();
  const known = (n: number | undefined): boolean => n !== undefined && n > 0;
  return (
    <>
      <h1>{t('storage.title')}</h1>
      <section class="panel">
        <dl class="facts" data-testid="storage-facts">
          <dt>{t('storage.usage')}</dt>
          <dd data-testid="storage-usage">{known(data.status()?.quota) ? formatBytes(data.status()?.usage ?? 0) : t('storage.unknown')}</dd>
          <dt>{t('storage.quota')}</dt>
          <dd data-testid="storage-quota">{known(data.status()?.quota) ? formatBytes(data.status()?.quota ?? 0) : t('storage.unknown')}</dd>
          <dt>{t('storage.percent')}</dt>
          <dd>{known(data.status()?.quota) ? `${(((data.status()?.usage ?? 0) / (data.status()?.quota ?? 1)) * 100).toFixed(2)} %` : t('storage.unknown')}</dd>
          <dt>{t('storage.persisted')}</dt>
          <dd data-testid="storage-persisted">{data.status()?.persisted === true ? t('storage.persistedYes') : t('storage.persistedNo')}</dd>
          <dt>{t('storage.build')}</dt>
          <dd data-testid="build-id">{BUILD_ID}</dd>
          <dt>{t('storage.unsynced')}</dt>
          <dd>{data.unsynced() ?? 0}</dd>
          <dt>{t('storage.oldest')}</dt>
          <dd>
            <Show when={data.oldest()} fallback={t('common.none')}>
              {(o) => formatInZone(o(), app.fair()?.settings.timeZone ?? 'Asia/Shanghai')}
            </Show>
          </dd>
        </dl>
        <div class="actions">
          <button type="button" class="btn primary" data-testid="request-persistence" disabled={data.status()?.persisted === true} onClick={() => void data.request()}>
            {t('storage.request')}
          </button>
        </div>
        <Show when={data.refused()}>
          <Notice kind="warn">{t('storage.requestRefused')}</Notice>
        </Show>
      </section>
    </>
  );
}
