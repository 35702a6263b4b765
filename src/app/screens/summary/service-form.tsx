import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import type { OutreachActivity, OutreachKind } from '../../../domain/outreach';
import type { ServiceRecordInput } from '../../../domain/report/service-record';
import type { ExpertDuty } from '../../../domain/report/session-data';
import { expertUsers, newId, saveFairService } from './summary.data';
import { t } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { createLiveQuery } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';
import { Notice } from '../../ui/notice';

/**
 * R18/R19 (DOMAIN.md §10): what nothing else records — training and publicity activities, the
 * experts on duty each fair day, the authorities stationed. Edited here, saved into the fair
 * record (`Fair.service`), which syncs like the fair's settings (store/fair-service.ts).
 */
export function ServiceForm(props: { readonly fair: Fair; readonly userId: string }): JSX.Element {
  const app = useAppState();
  const experts = createLiveQuery(() => expertUsers());
  // eslint-disable-next-line solid/reactivity -- the form starts from the record as it was when opened
  const saved = props.fair.service;
  const [outreach, setOutreach] = createSignal<OutreachActivity[]>(saved?.outreach ?? []);
  const [duty, setDuty] = createSignal<ExpertDuty[]>(saved?.expertsOnDuty ?? []);
  // eslint-disable-next-line solid/reactivity -- as above
  const [authorities, setAuthorities] = createSignal<string[]>(saved?.authorities ?? props.fair.settings.authorities.map((a) => a.name));
  const [status, setStatus] = createSignal<{ ok: true } | { ok: false; code: string }>();

  const [kind, setKind] = createSignal<OutreachKind>('training');
  // eslint-disable-next-line solid/reactivity -- the first fair day is the form's starting choice
  const [date, setDate] = createSignal(props.fair.days[0]?.date ?? '');
  const [title, setTitle] = createSignal('');
  const [participants, setParticipants] = createSignal('');
  const [materials, setMaterials] = createSignal('');

  const onDuty = (expertId: string, day: string): boolean => duty().some((d) => d.expertId === expertId && d.date === day);
  const toggleDuty = (expertId: string, day: string): void => {
    setDuty((list) => (onDuty(expertId, day) ? list.filter((d) => !(d.expertId === expertId && d.date === day)) : [...list, { expertId, date: day } as ExpertDuty]));
  };
  const whole = (text: string): number => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text.trim() === '' ? 0 : Number.NaN);

  const addActivity = (): void => {
    const p = whole(participants());
    const m = whole(materials());
    if (title().trim() === '' || Number.isNaN(p) || Number.isNaN(m)) {
      setStatus({ ok: false, code: title().trim() === '' ? 'REQUIRED' : 'NOT_A_NUMBER' });
      return;
    }
    const activity = {
      id: newId(),
      fairId: props.fair.id,
      kind: kind(),
      date: date(),
      title: title().trim(),
      participants: p,
      materials: m,
      createdAt: nowInstant(),
      createdBy: props.userId,
      deviceId: app.device()?.id ?? '',
    } as OutreachActivity;
    setOutreach((list) => [...list, activity]);
    setTitle('');
    setParticipants('');
    setMaterials('');
    setStatus(undefined);
  };

  const save = async (): Promise<void> => {
    const input: ServiceRecordInput = { outreach: outreach(), expertsOnDuty: duty(), authorities: authorities(), updatedAt: nowInstant(), updatedBy: props.userId };
    const r = await saveFairService(props.fair.id, input, nowInstant());
    setStatus(r.ok ? { ok: true } : { ok: false, code: r.error.kind });
  };

  return (
    <section class="panel" data-testid="summary-service">
      <h2>{t('summary.service')}</h2>
      <p class="muted">{t('summary.service.hint')}</p>
      <table class="summary-table">
        <thead>
          <tr>
            <th>{t('summary.service.kind')}</th>
            <th>{t('summary.service.date')}</th>
            <th>{t('summary.service.title')}</th>
            <th>{t('summary.service.participants')}</th>
            <th>{t('summary.service.materials')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={outreach()} fallback={<tr><td colSpan={6} class="muted">{t('summary.service.none')}</td></tr>}>
            {(a) => (
              <tr data-testid="service-activity">
                <td>{t(`summary.service.kind.${a.kind}`)}</td>
                <td>{a.date}</td>
                <td>{a.title}</td>
                <td class="num">{a.participants}</td>
                <td class="num">{a.materials}</td>
                <td>
                  <button type="button" class="btn" onClick={() => setOutreach((list) => list.filter((x) => x.id !== a.id))}>
                    {t('summary.service.remove')}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="row">
        <label class="field">
          <span>{t('summary.service.kind')}</span>
          <select name="service-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as OutreachKind)}>
            <option value="training">{t('summary.service.kind.training')}</option>
            <option value="publicity">{t('summary.service.kind.publicity')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('summary.service.date')}</span>
          <select name="service-date" value={date()} onChange={(e) => setDate(e.currentTarget.value)}>
            <For each={props.fair.days}>{(d) => <option value={d.date}>{d.date}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('summary.service.title')}</span>
          <input name="service-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('summary.service.participants')}</span>
          <input name="service-participants" inputMode="numeric" value={participants()} onInput={(e) => setParticipants(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('summary.service.materials')}</span>
          <input name="service-materials" inputMode="numeric" value={materials()} onInput={(e) => setMaterials(e.currentTarget.value)} />
        </label>
        <button type="button" class="btn" data-testid="service-add" onClick={addActivity}>
          {t('summary.service.add')}
        </button>
      </div>
      <h3>{t('summary.service.duty')}</h3>
      <Show when={(experts() ?? []).length > 0} fallback={<p class="muted">{t('summary.service.noExperts')}</p>}>
        <table class="summary-table" data-testid="service-duty">
          <thead>
            <tr>
              <th />
              <For each={experts()}>{(x) => <th>{x.name}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.fair.days}>
              {(d) => (
                <tr>
                  <td>{d.date}</td>
                  <For each={experts()}>
                    {(x) => (
                      <td>
                        <input type="checkbox" aria-label={`${x.name} ${d.date}`} checked={onDuty(x.id, d.date)} onChange={() => toggleDuty(x.id, d.date)} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={props.fair.settings.authorities.length > 0}>
        <h3>{t('summary.service.authorities')}</h3>
        <div class="row">
          <For each={props.fair.settings.authorities}>
            {(a) => (
              <label>
                <input
                  type="checkbox"
                  checked={authorities().includes(a.name)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setAuthorities((list) => (on ? [...list, a.name] : list.filter((n) => n !== a.name)));
                  }}
                />{' '}
                {a.name}
              </label>
            )}
          </For>
        </div>
      </Show>
      <div class="row">
        <button type="button" class="btn primary" data-testid="service-save" onClick={() => void save()}>
          {t('summary.service.save')}
        </button>
        <Show when={status()}>
          {(st) => {
            const v = st();
            return v.ok ? <Notice kind="ok" testId="service-saved">{t('summary.service.saved')}</Notice> : <Notice kind="error" testId="service-error">{t('summary.service.bad', { code: v.code })}</Notice>;
          }}
        </Show>
      </div>
    </section>
  );
}
