import type { z } from 'zod';
import { Language } from '../domain/codes';
import { Consultation } from '../domain/consultation';
import type { ConsultationInput } from '../domain/consultation';
import { fieldErrors } from '../domain/field-errors';
import type { FairId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import { newId } from './ids';
import { StoreFailure, invalid } from './result';
import type { StoreResult } from './result';
import { fail, runWrite } from './transaction';
import { appendItem, logState } from './local-log';

/**
 * Consultations answered at the desk (咨询指导, GL15, EN15): one tap, one record with its
 * `consultation` item. Counted in R16 by asker kind and IP type, R17 when an opinion was given.
 */

/** The domain record plus the language the question was asked in (EN15). */
export const ConsultationRecord = Consultation.extend({ language: Language.optional() });
export type ConsultationRecord = z.infer<typeof ConsultationRecord>;

/** What the tally screen supplies; the store adds the id, device and time of recording. */
export type NewConsultation = Omit<ConsultationInput, 'id' | 'deviceId' | 'createdAt' | 'createdBy'> &
  Partial<Pick<ConsultationInput, 'createdBy'>> & { readonly language?: Language };

export async function recordConsultation(input: NewConsultation, now: Instant): Promise<StoreResult<ConsultationRecord>> {
  const id = newId();
  return runWrite(
    ['fairs', 'consultations'],
    async (db) => {
      if ((await db.fairs.get(input.fairId)) === undefined) fail('not-found', `fair ${input.fairId}`);
      const { deviceId } = await logState(db);
      const candidate = { ...input, id, deviceId, createdAt: now, createdBy: input.createdBy ?? deviceId };
      const parsed = ConsultationRecord.safeParse(candidate);
      if (!parsed.success) throw new StoreFailure(invalid(fieldErrors(parsed.error, candidate)));
      const record = parsed.data;
      await Promise.all([
        db.consultations.add(record),
        appendItem(db, { kind: 'consultation', entityId: record.id, fairId: record.fairId, payload: record }, now),
      ]);
      return record;
    },
    { now },
  );
}

/** The fair's consultations, latest first. */
export async function listConsultations(fairId: FairId | string): Promise<ConsultationRecord[]> {
  const rows = await getDb().consultations.where('fairId').equals(fairId).toArray();
  return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export interface ConsultationTally {
  readonly total: number;
  /** R17: reference opinions given. */
  readonly opinions: number;
  readonly byAskerKind: Readonly<Record<string, number>>;
  /** `none` for questions without an IP type. */
  readonly byIpType: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  /** Records without a language count as zh-CN. */
  readonly byLanguage: Readonly<Record<string, number>>;
}

const bump = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

/** R16, R17 for one fair. */
export async function consultationTally(fairId: FairId | string): Promise<ConsultationTally> {
  const byAskerKind: Record<string, number> = {};
  const byIpType: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  const byLanguage: Record<string, number> = {};
  let total = 0;
  let opinions = 0;
  for (const c of await getDb().consultations.where('fairId').equals(fairId).toArray()) {
    total++;
    if (c.opinionGiven) opinions++;
    bump(byAskerKind, c.askerKind);
    bump(byIpType, c.ipType ?? 'none');
    bump(byChannel, c.channel);
    bump(byLanguage, c.language ?? 'zh-CN');
  }
  return { total, opinions, byAskerKind, byIpType, byChannel, byLanguage };
}
