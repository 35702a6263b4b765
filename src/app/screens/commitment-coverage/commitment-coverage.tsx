import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { formatInZone } from '../../../domain/time';
import { boothKey } from '../../../domain/validators/booth';
import { locale, t } from '../../i18n/index';
import { SignedIn } from '../../session/signed-in';
import { useAppState } from '../../state/app-state';
import { SelectField, TextField } from '../../ui/field';
import { createCoverage, type CoverageShow } from './commitment-coverage.data';
import './commitment-coverage.css';

/** `/commitments`: signed and not signed, by hall, with counts and a search. */
export function CommitmentCoverageScreen(): JSX.Element {
  const app = useAppState();
  return (
    <>
      <h1>{t('coverage.title')}</h1>
      <Show when={app.device()?.fairId} keyed fallback={<p class="notice notice-warn">{app.deviceLoaded() ? t('board.needFair') : t('common.loading')}</p>}>
        {(fairId) => <SignedIn>{() => <CoverageBody fairId={fairId} />}</SignedIn>}
      </Show>
    </>
  );
}

function CoverageBody(props: { readonly fairId: string }): JSX.Element {
  const app = useAppState();
  // eslint-disable-next-line solid/reactivity -- the fair is fixed for this mount (keyed above)
  const c = createCoverage(props.fairId);
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  const pct = (signed: number, total: number): string => (total === 0 ? '—' : `${Math.round((signed / total) * 100)}%`);
  return (
    <>
      <div class="actions">
        <A class="btn primary" href="/commitments/sign" data-testid="sign-new">
          {t('coverage.sign')}
        </A>
        <span class="coverage-total" data-testid="coverage-total" data-signed={c.totals().signed} data-total={c.totals().total}>
          {t('coverage.totals', { signed: c.totals().signed, total: c.totals().total, unsigned: c.totals().total - c.totals().signed, pct: pct(c.totals().signed, c.totals().total) })}
        </span>
      </div>
      <div class="grid">
        <TextField name="search" type="search" inputMode="search" label={t('common.search')} placeholder={t('commit.pickHint')} value={c.text()} onInput={(v) => c.setText(v)} />
        <SelectField<CoverageShow>
          name="show"
          label={t('coverage.show')}
          value={c.show()}
          options={[
            { value: 'all', label: t('coverage.showAll') },
            { value: 'signed', label: t('coverage.showSigned') },
            { value: 'unsigned', label: t('coverage.showUnsigned') },
          ]}
          onChange={(v) => c.setShow(v)}
        />
      </div>
      <Show when={c.loaded()} fallback={<p class="muted">{t('common.loading')}</p>}>
        <Show when={c.halls().length > 0} fallback={<p class="muted">{t('exhibitors.empty')}</p>}>
          <For each={c.halls()}>
            {(h) => (
              <section class="panel coverage-hall" data-testid="coverage-hall" data-hall={h.hall}>
                <h2>
                  {t('coverage.hall', { hall: h.hall })}
                  <span class="muted coverage-count" data-testid="hall-count">
                    {t('coverage.hallCount', { signed: h.signed, total: h.total, pct: pct(h.signed, h.total) })}
                  </span>
                </h2>
                <table class="list">
                  <tbody>
                    <For each={h.rows}>
                      {(r) => (
                        <tr data-testid="coverage-row" data-signed={String(r.commitment !== undefined)} data-name={r.exhibitor.nameZh}>
                          <td>{r.exhibitor.booths.map(boothKey).join('; ')}</td>
                          <td>{locale() === 'en' && r.exhibitor.nameEn !== undefined ? r.exhibitor.nameEn : r.exhibitor.nameZh}</td>
                          <td class="mono">{r.exhibitor.uscc ?? r.exhibitor.foreignRegNo ?? '—'}</td>
                          <td>
                            <Show when={r.commitment} fallback={<span class="status-unsigned">{t('coverage.unsigned')}</span>}>
                              {(cm) => (
                                <span class="status-signed">
                                  {t('coverage.signedAt', { version: cm().version, at: formatInZone(cm().signedAt, zone()) })}
                                </span>
                              )}
                            </Show>
                          </td>
                          <td>
                            <A class="btn" href={`/commitments/sign/${r.exhibitor.id}`} data-testid="open-commitment">
                              {r.commitment === undefined ? t('coverage.signOne') : t('coverage.view')}
                            </A>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </For>
        </Show>
      </Show>
    </>
  );
}
