import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { IpType, Language } from '../../../domain/codes';
import { ASKER_KINDS, CONSULTATION_CHANNELS, type AskerKind, type ConsultationChannel } from '../../../domain/consultation';
import type { FieldError } from '../../../domain/field-errors';
import { zonedParts, type Instant } from '../../../domain/time';
import { listConsultations, recordConsultation, type ConsultationRecord } from '../../../store/consultations';
import type { StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { nowInstant } from '../../lib/clock';
import { createLiveQueryOn } from '../../lib/live-query';
import { createStoreSubmission } from '../../lib/store-submission';
import type { SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';

/**
 * The consultation tally (咨询指导, EN15; counted in R16, R17): the asker kind, IP type,
 * language and "opinion given" stay selected between questions, and one tap on a topic records
 * one consultation. Today's counts are computed from the day's records in the fair's zone.
 */
export const TOPICS = ['procedure', 'rights_proof', 'infringement', 'exhibit_check', 'commitment'] as const;
export type Topic = (typeof TOPICS)[number];
export const isPresetTopic = (t: string): t is Topic => (TOPICS as readonly string[]).includes(t);

export interface TallyForm {
  askerKind: AskerKind;
  ipType: IpType | '';
  language: Language;
  channel: ConsultationChannel;
  opinionGiven: boolean;
  otherTopic: string;
}

export interface TodayCounts {
  readonly total: number;
  readonly opinions: number;
  readonly byTopic: ReadonlyMap<string, number>;
  readonly byAsker: ReadonlyMap<string, number>;
  readonly byIpType: ReadonlyMap<string, number>;
  readonly byLanguage: ReadonlyMap<string, number>;
}

export interface Consultations {
  readonly form: DraftForm<TallyForm>;
  readonly today: Accessor<TodayCounts | undefined>;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly last: Accessor<ConsultationRecord | undefined>;
  record(topic: string): Promise<ConsultationRecord | undefined>;
}

export const blankTally = (language: Language): TallyForm => ({ askerKind: 'exhibitor', ipType: '', language, channel: 'desk', opinionGiven: false, otherTopic: '' });

export { ASKER_KINDS, CONSULTATION_CHANNELS };

const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

export function countToday(list: readonly ConsultationRecord[], zone: string, now: Instant): TodayCounts {
  const today = zonedParts(now, zone).date;
  const byTopic = new Map<string, number>();
  const byAsker = new Map<string, number>();
  const byIpType = new Map<string, number>();
  const byLanguage = new Map<string, number>();
  let total = 0;
  let opinions = 0;
  for (const c of list) {
    if (zonedParts(c.at, zone).date !== today) continue;
    total++;
    if (c.opinionGiven) opinions++;
    bump(byTopic, isPresetTopic(c.topic) ? c.topic : 'other');
    bump(byAsker, c.askerKind);
    bump(byIpType, c.ipType ?? 'none');
    // Records without a language count as zh-CN (as the store's tally does).
    bump(byLanguage, c.language ?? 'zh-CN');
  }
  return { total, opinions, byTopic, byAsker, byIpType, byLanguage };
}

export function createConsultations(fairId: string, user: SessionUser, initialLanguage: Language): Consultations {
  const app = useAppState();
  const form = createDraftForm<TallyForm>({ key: `consultation:${fairId}`, form: 'consultation', initial: () => blankTally(initialLanguage), onStorageError: (e) => app.reportStorageError(e) });
  const list = createLiveQueryOn(() => fairId, (id) => listConsultations(id));
  const zone = (): string => app.fair()?.settings.timeZone ?? 'Asia/Shanghai';
  const today = createMemo(() => {
    const l = list();
    return l === undefined ? undefined : countToday(l, zone(), nowInstant());
  });
  const submission = createStoreSubmission((e) => app.reportStorageError(e));
  const [last, setLast] = createSignal<ConsultationRecord>();
  const record = async (topic: string): Promise<ConsultationRecord | undefined> => {
    const f = form.data;
    const now = nowInstant();
    const saved = await submission.submit(() =>
      recordConsultation(
        {
          fairId,
          at: now,
          channel: f.channel,
          askerKind: f.askerKind,
          ...(f.ipType === '' ? {} : { ipType: f.ipType }),
          language: f.language,
          topic,
          opinionGiven: f.opinionGiven,
          createdBy: user.id,
        },
        now,
      ),
    );
    if (saved === undefined) return undefined;
    setLast(saved);
    // The selections stay for the next question; only the free-text topic is cleared.
    if (!isPresetTopic(topic)) form.update((d) => void (d.otherTopic = ''));
    return saved;
  };
  return { form, today, errors: submission.errors, failure: submission.failure, last, record };
}
