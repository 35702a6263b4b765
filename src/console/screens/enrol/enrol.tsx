import { useSearchParams } from '@solidjs/router';
import { For, Show, createResource, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { EnrolmentBatchRequest, type EnrolmentStatus, type IssuedCode } from '../../../domain/wire/console';
import type { DeviceRole } from '../../../domain/wire/accounts';
import { SelectField, TextField } from '../../../app/ui/field';
import { Notice } from '../../../app/ui/notice';
import type { ApiFailure } from '../../lib/api';
import { createFormDraft } from '../../lib/drafts';
import { failureText } from '../../lib/failure';
import { errorAt } from '../../lib/fields';
import { clockTime, countdown } from '../../lib/format';
import { translator } from '../../lib/i18n';
import { listFairs } from '../fairs/fairs.data';
import { issueCodes, listCodes, qrPicture } from './enrol.data';
import { enrolMessages } from './enrol.messages';

const t = translator(enrolMessages);
const POLL_MS = 3000;
const SHOWN_KEY = 'faircase.console.codes';
const TTLS = ['15', '60', '240', '1440'] as const;

interface ShownCode extends IssuedCode {
  readonly fairId: string;
  readonly fairLabel: string;
}

const readShown = (): ShownCode[] => {
  try {
    return JSON.parse(sessionStorage.getItem(SHOWN_KEY) ?? '[]') as ShownCode[];
  } catch {
    return [];
  }
};

/**
 * One-time enrolment codes as big QR codes (the link the tablet's scanner reads), written out,
 * with an expiry countdown and, once redeemed, who used it (polled). The codes shown stay in
 * this tab's sessionStorage: the server keeps only their digests.
 */
export default function Enrol(): JSX.Element {
  const [params] = useSearchParams<{ fair?: string }>();
  const [fairs] = createResource(listFairs);
  const draft = createFormDraft('enrol', { fairId: params.fair ?? '', role: 'desk' as DeviceRole, count: '1', ttl: '60' as (typeof TTLS)[number] });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<ApiFailure>();
  const [busy, setBusy] = createSignal(false);
  const [shown, setShownSignal] = createSignal<ShownCode[]>(readShown());
  const setShown = (codes: ShownCode[]): void => {
    setShownSignal(codes);
    try {
      sessionStorage.setItem(SHOWN_KEY, JSON.stringify(codes));
    } catch {
      // Shown on the page still.
    }
  };
  const [statuses, setStatuses] = createSignal<ReadonlyMap<string, EnrolmentStatus>>(new Map());
  const [now, setNow] = createSignal(Date.now());

  const poll = async (): Promise<void> => {
    const fairIds = [...new Set(shown().map((c) => c.fairId))];
    const next = new Map<string, EnrolmentStatus>();
    for (const fairId of fairIds) {
      const r = await listCodes(fairId);
      if (r.ok) for (const row of r.value.codes) next.set(row.id, row.status);
    }
    setStatuses(next);
  };
  onMount(() => {
    if (params.fair !== undefined) draft.set('fairId', params.fair);
    void poll();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const timer = setInterval(() => void poll(), POLL_MS);
    onCleanup(() => (clearInterval(tick), clearInterval(timer)));
  });

  const fairOptions = (): { value: string; label: string }[] => {
    const r = fairs();
    return [{ value: '', label: t('enrol.pickFair') }, ...(r?.ok ? r.value.fairs.map((f) => ({ value: f.fairId as string, label: `${f.code} · ${f.nameZh}` })) : [])];
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    setFailure();
    const d = draft.value;
    const count = d.count.trim() === '' ? undefined : Number(d.count);
    const parsed = parseFields(EnrolmentBatchRequest, { role: d.role, ttlMinutes: Number(d.ttl), ...(count === undefined ? {} : { count }) });
    const fairMissing: FieldError[] = d.fairId === '' ? [{ field: 'fairId', code: 'REQUIRED', params: {} }] : [];
    setErrors([...fairMissing, ...(parsed.ok ? [] : parsed.errors)]);
    if (!parsed.ok || fairMissing.length > 0) return;
    setBusy(true);
    const r = await issueCodes(d.fairId, parsed.value);
    setBusy(false);
    if (!r.ok) return void setFailure(r.failure);
    const label = fairOptions().find((o) => o.value === d.fairId)?.label ?? d.fairId;
    setShown([...r.value.codes.map((c) => ({ ...c, fairId: d.fairId, fairLabel: label })), ...shown()]);
    void poll();
  };

  return (
    <>
      <div class="head-row no-print">
        <h1>{t('enrol.title')}</h1>
        <Show when={shown().length > 0}>
          <button type="button" class="btn" data-testid="print-codes" onClick={() => window.print()}>
            {t('enrol.print')}
          </button>
          <button type="button" class="btn" onClick={() => setShown([])}>
            {t('enrol.clear')}
          </button>
        </Show>
      </div>
      <form class="panel no-print" data-testid="enrol-form" onSubmit={(e) => void submit(e)} novalidate>
        <p class="muted">{t('enrol.lead')}</p>
        <div class="row">
          <SelectField name="fairId" label={t('enrol.fair')} value={draft.value.fairId} options={fairOptions()} error={errorAt(errors(), 'fairId')} onChange={(v) => draft.set('fairId', v)} />
          <SelectField
            name="role"
            label={t('enrol.role')}
            value={draft.value.role}
            options={[
              { value: 'desk' as const, label: t('enrol.role.desk') },
              { value: 'expert' as const, label: t('enrol.role.expert') },
            ]}
            error={errorAt(errors(), 'role')}
            onChange={(v) => draft.set('role', v)}
          />
          <TextField name="count" label={t('enrol.count')} inputMode="numeric" value={draft.value.count} error={errorAt(errors(), 'count')} onInput={(v) => draft.set('count', v)} />
          <SelectField name="ttl" label={t('enrol.ttl')} value={draft.value.ttl} options={TTLS.map((v) => ({ value: v, label: t(`enrol.ttl.${v}`) }))} error={errorAt(errors(), 'ttlMinutes')} onChange={(v) => draft.set('ttl', v)} />
          <button type="submit" class="btn primary" disabled={busy()} data-testid="issue-codes">
            {t('enrol.issue')}
          </button>
        </div>
        <Show when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Show>
      </form>
      <Show when={shown().length > 0}>
        <p class="muted no-print">{t('enrol.shownOnce')}</p>
        <h2 class="print-only">{t('enrol.printHeading')}</h2>
        <div class="codes" data-testid="codes">
          <For each={shown()}>{(c, i) => <CodeCard code={c} n={i() + 1} status={statuses().get(c.id)} now={now()} />}</For>
        </div>
      </Show>
    </>
  );
}

function CodeCard(props: { readonly code: ShownCode; readonly n: number; readonly status: EnrolmentStatus | undefined; readonly now: number }): JSX.Element {
  const [picture] = createResource(() => props.code.link, qrPicture);
  const left = (): number => Date.parse(props.code.expiresAt) - props.now;
  return (
    <article class="code-card" data-testid="code-card" data-code={props.code.code}>
      <div class="muted">{t('enrol.codeFor', { fair: props.code.fairLabel, role: t(`enrol.role.${props.code.role}`) })}</div>
      <Show when={picture()} fallback={<div style={{ width: '280px', height: '280px' }} />}>
        {(src) => <img src={src()} alt={t('enrol.qrAlt', { n: props.n })} data-testid="code-qr" />}
      </Show>
      <div class="code-text" data-testid="code-text">
        {props.code.code}
      </div>
      <Show
        when={props.status?.kind === 'used' ? props.status : undefined}
        fallback={
          <Show when={left() > 0 && props.status?.kind !== 'expired'} fallback={<div class="expired">{t('enrol.expired')}</div>}>
            <div data-testid="code-countdown">{t('enrol.expiresIn', { left: countdown(left()) })}</div>
          </Show>
        }
      >
        {(used) => (
          <div class="used" data-testid="code-used">
            {used().deviceCode === null ? t('enrol.usedNoCode', { time: clockTime(used().at) }) : t('enrol.used', { code: used().deviceCode ?? '', time: clockTime(used().at) })}
          </div>
        )}
      </Show>
    </article>
  );
}
