import { For, Show, type JSX } from 'solid-js';
import type { Case } from '../../../domain/case/case';
import type { Deadline } from '../../../domain/case/deadlines';
import { formatInZone, type Instant } from '../../../domain/time';
import { t } from '../../i18n/index';
import { EvidencePhotos } from '../../evidence/evidence-photos';
import { DeadlineView } from './deadline-view';

/** Whether the event a deadline waits for has come (DL5), so no countdown is shown for it. */
function settled(kind: Deadline['kind'], c: Case): boolean {
  switch (kind) {
    case 'acceptance':
      return c.state !== 'RECEIVED' && c.state !== 'INCOMPLETE';
    case 'supplement':
      return c.state !== 'INCOMPLETE';
    case 'defence':
      return c.state !== 'NOTIFIED';
    case 'measure':
      return c.state !== 'MEASURES_ORDERED';
    case 'reviewRequest':
      return !['DETERMINED', 'MEASURES_ORDERED', 'MEASURES_VERIFIED'].includes(c.state);
    case 'reviewDecision':
      return c.state !== 'UNDER_REVIEW';
    case 'handover':
      return c.handover !== undefined;
  }
}

/** Parties, rights, items, deadlines (DL8), opinion and measures of a case. */
export function CaseFacts(props: { readonly c: Case; readonly zone: string; readonly now: Instant }): JSX.Element {
  const deadlines = (): Deadline[] => Object.values(props.c.deadlines).filter((d): d is Deadline => d !== undefined);
  return (
    <div class="panel">
      <dl class="facts">
        <dt>{t('case.complainant')}</dt>
        <dd>{props.c.complainant.name}</dd>
        <dt>{t('case.respondent')}</dt>
        <dd>
          {props.c.respondent.name} · {t('case.booth')} {props.c.respondent.booth.hall}/{props.c.respondent.booth.stand}
        </dd>
        <dt>{t('case.rights')}</dt>
        <dd>
          <For each={props.c.rights}>{(r) => <div>{t(`ipType.${r.type}`)} {r.number} · {r.title}</div>}</For>
        </dd>
        <dt>{t('case.items')}</dt>
        <dd>
          <For each={props.c.accusedItems}>{(i, n) => (
            <div>
              {i.description}
              <Show when={i.evidenceIds.length > 0}>
                <span class="muted"> · {t('evidence.count', { count: i.evidenceIds.length })}</span>
                <EvidencePhotos ids={i.evidenceIds} zone={props.zone} testId={`case-item-photos-${n()}`} />
              </Show>
            </div>
          )}</For>
        </dd>
        <dt>{t('case.deadlines')}</dt>
        <dd data-testid="deadlines">
          <For each={deadlines()}>
            {(d) => (
              <div>
                {t(`deadline.${d.kind}`)}: <DeadlineView deadline={d} zone={props.zone} now={props.now} done={settled(d.kind, props.c)} />
              </div>
            )}
          </For>
        </dd>
        <Show when={props.c.opinion}>
          {(o) => (
            <>
              <dt>{t('case.opinion')}</dt>
              <dd data-testid="opinion">
                {t(`conclusion.${o().conclusion}`)} · {t(`basis.${o().basis}`)} · {formatInZone(o().issuedAt, props.zone)}
              </dd>
            </>
          )}
        </Show>
        <Show when={props.c.measures.length > 0}>
          <dt>{t('case.measures')}</dt>
          <dd data-testid="measures">
            <For each={props.c.measures}>
              {(m) => (
                <div data-verified={m.verification?.result ?? ''}>
                  {t(`measure.${m.code}`)} · {formatInZone(m.dueAt, props.zone)}
                  <Show when={m.verification}>
                    {(v) => (
                      <>
                        <strong> · {t(`result.${v().result}`)}</strong>
                        <EvidencePhotos ids={v().photos} zone={props.zone} testId={`measure-photos-${m.code}`} />
                      </>
                    )}
                  </Show>
                </div>
              )}
            </For>
          </dd>
        </Show>
      </dl>
    </div>
  );
}
