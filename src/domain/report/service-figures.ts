import { currentCommitments } from '../commitment';
import type { Commitment } from '../commitment';
import { ASKER_KINDS } from '../consultation';
import type { Consultation } from '../consultation';
import { exhibitorKey } from '../exhibitor';
import type { Exhibitor, ExhibitorKey } from '../exhibitor';
import type { Authority } from '../fair';
import { IP_TYPES } from '../codes';
import type { OutreachActivity } from '../outreach';
import type { FigureValues } from './case-figures';
import { rateBp } from './rates';
import type { ExpertDuty } from './session-data';

/** R1, R2 (`report/SPEC.md`): exhibitors by key (RP1), their distinct booths, current commitments (CM2, CM3). */
export function exhibitorFigures(exhibitors: readonly Exhibitor[], commitments: readonly Commitment[]): FigureValues {
  const keys = new Set<ExhibitorKey>();
  const booths = new Set<string>();
  for (const e of exhibitors) {
    keys.add(exhibitorKey(e));
    for (const b of e.booths) booths.add(`${b.hall}/${b.stand}`);
  }
  // Drafts count nowhere (CM3); a superseded version is not current (CM2).
  const current = currentCommitments(commitments);
  const committed = [...keys].filter((k) => current.has(k)).length;
  return {
    'R1.exhibitors': keys.size,
    'R1.booths': booths.size,
    'R2.committed': committed,
    'R2.rate': rateBp(committed, keys.size),
  };
}

/**
 * R16 consultations by asker kind and IP type; R17 reference opinions: the cases' opinions (one
 * `IssueOpinion` each), review decisions (`DecideReview`) and consultations with `opinionGiven`.
 */
export function consultationFigures(consultations: readonly Consultation[], caseOpinions: number, reviewDecisions: number): FigureValues {
  const out: FigureValues = { 'R16.total': consultations.length, 'R16.type.unspecified': 0 };
  for (const k of ASKER_KINDS) out[`R16.asker.${k}`] = 0;
  for (const t of IP_TYPES) out[`R16.type.${t}`] = 0;
  let opinions = 0;
  for (const c of consultations) {
    out[`R16.asker.${c.askerKind}`] = (out[`R16.asker.${c.askerKind}`] ?? 0) + 1;
    const typeKey = c.ipType === undefined ? 'R16.type.unspecified' : (`R16.type.${c.ipType}` as const);
    out[typeKey] = (out[typeKey] ?? 0) + 1;
    if (c.opinionGiven) opinions++;
  }
  return {
    ...out,
    'R17.caseOpinions': caseOpinions,
    'R17.reviewDecisions': reviewDecisions,
    'R17.consultations': opinions,
    'R17.total': caseOpinions + reviewDecisions + opinions,
  };
}

/** R18: training sessions and participants (人次); publicity activities and materials (份). */
export function outreachFigures(activities: readonly OutreachActivity[]): FigureValues {
  let trainingSessions = 0;
  let trainingParticipants = 0;
  let publicityActivities = 0;
  let publicityMaterials = 0;
  for (const a of activities) {
    if (a.kind === 'training') {
      trainingSessions++;
      trainingParticipants += a.participants;
    } else {
      publicityActivities++;
      publicityMaterials += a.materials;
    }
  }
  return {
    'R18.trainingSessions': trainingSessions,
    'R18.trainingParticipants': trainingParticipants,
    'R18.publicityActivities': publicityActivities,
    'R18.publicityMaterials': publicityMaterials,
  };
}

/** R19: distinct experts on duty, expert-days (one expert on one day counts once), authorities by name. */
export function serviceFigures(duty: readonly ExpertDuty[], authorities: readonly Pick<Authority, 'name'>[]): FigureValues {
  return {
    'R19.experts': new Set(duty.map((d) => d.expertId)).size,
    'R19.expertDays': new Set(duty.map((d) => `${d.expertId}/${d.date}`)).size,
    'R19.authorities': new Set(authorities.map((a) => a.name)).size,
  };
}
