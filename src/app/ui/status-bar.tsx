import { Show, type JSX } from 'solid-js';
import { locale, t } from '../i18n/index';

/** The always-visible bar: network, unsynced count, current fair and the language switch. */
export function StatusBar(props: {
  readonly online: boolean;
  readonly unsynced: number | undefined;
  /** SY87: a first sync is still bringing the fair's records in, so nothing is "all synced" yet. */
  readonly receiving: boolean;
  readonly fairName: string | undefined;
  readonly deviceCode: string | undefined;
  readonly onSwitchLanguage: () => void;
}): JSX.Element {
  return (
    <header class="status-bar">
      <div class="brand">{t('app.title')}</div>
      <div class="status-fair" data-testid="status-fair">
        {props.fairName ?? t('status.noFair')}
        <Show when={props.deviceCode}>{(c) => <span class="device-code">{c()}</span>}</Show>
      </div>
      <div class="status-net" classList={{ offline: !props.online }} data-testid="status-network" data-online={String(props.online)}>
        <span class="dot" aria-hidden="true" />
        {props.online ? t('status.online') : t('status.offline')}
      </div>
      <div class="status-sync" data-testid="status-unsynced">
        {props.unsynced !== undefined && props.unsynced > 0 ? t('status.unsynced', { count: props.unsynced }) : props.receiving ? t('status.receiving') : t('status.allSynced')}
      </div>
      {/* The name a screen reader says is the visible one, the language offered, spoken in that
          language (WCAG 2.5.3 label in name, 3.1.2); what the button does is its description. */}
      <button
        type="button"
        class="btn lang"
        lang={locale() === 'en' ? 'zh-CN' : 'en'}
        title={t('status.languageLabel')}
        data-testid="language-switch"
        onClick={() => props.onSwitchLanguage()}
      >
        {t('status.language')}
      </button>
    </header>
  );
}
