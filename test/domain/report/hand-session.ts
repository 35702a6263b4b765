import type { Fair } from '../../../src/domain/fair';
import type { SessionData } from '../../../src/domain/report/session-data';
import type { ExpertDuty } from '../../../src/domain/report/session-data';
import { AUTHORITY_ADMIN, AUTHORITY_ENFORCEMENT, makeFair, ulidOf, userId } from '../../support/builders';
import {
  consultation,
  draftOf,
  exhibitor,
  FOREIGN_COMPLAINANT,
  keyOf,
  outreach,
  right,
  runCase,
  session,
  signed,
  uscc,
} from './session-builder';

/**
 * A small hand-made session (CF137, five desk days 2025-04-15…19, UTC+8) and its predecessor
 * (CF136), every figure of which is worked out by hand in post-show-summary.test.ts.
 *
 * Exhibitors: E1 11.2/C05, E2 11.2/C06, E3 9.1/A01 (CN), E4 9.1/A02 (HK), E5 3.1/B01, E6 with
 * two booths 3.1/B02, 3.1/B03. Complainants: A (CN, the default) and B (US, foreign).
 *
 * | case | complaint | respondent | rights | path | outcome |
 * |---|---|---|---|---|---|
 * | c1 | Q1 | E1 | invention | accepted +20, admission, opinion +40, COVER + WITHDRAW_EXHIBIT done +60 | ESTABLISHED |
 * | c2 | Q1 | E2 | invention | accepted +30, opinion NOT_ESTABLISHED +120 | NOT_ESTABLISHED |
 * | c3 | Q2 (B) | E3 | trademark + design | accepted +10, overdue, opinion +1500, DETAIN refused, transfer enforcement, handover in time, post-show result | ESTABLISHED (after close) |
 * | c4 | Q3 | E1 | utility model | accepted +5, defence, opinion +55, review upheld | ESTABLISHED |
 * | c5 | Q4 | E4 | copyright | accepted +45, admission, opinion +60, review overturned | NOT_ESTABLISHED |
 * | c6 | Q5 (B) | E5 | invention | accepted +15, settlement | MEDIATED |
 * | c7 | Q6 | E5 | invention | rejected NR_NO_STANDING | NOT_ACCEPTED |
 * | c8 | Q7 | E3 | invention | rejected NR_OUT_OF_SCOPE | NOT_ACCEPTED |
 * | c9 | Q8 | E2 | invention | accepted +60, withdrawn | WITHDRAWN |
 * | c10 | Q9 | E3 | invention | accepted +25, transfer admin, no handover | TRANSFERRED_ADMIN (provisional) |
 * | c11 | Q10 | E5 | invention | accepted +35, notified, voluntary removal | VOLUNTARY_REMOVAL |
 * | c12 | Q11 | E4 | invention | accepted +50, open at close | — (PENDING_AT_CLOSE) |
 * | c13 | Q12 | E6 | invention | received only | — (PENDING_AT_CLOSE) |
 */
export const PREV_FAIR: Fair = makeFair({
  id: ulidOf(2, '01F'),
  code: 'CF136',
  sessionNo: 136,
  days: ['2024-10-15', '2024-10-16', '2024-10-17', '2024-10-18', '2024-10-19'].map((date) => ({ date, opensAt: '09:00', closesAt: '17:00' })),
});
export const FAIR: Fair = makeFair({ previousFairId: PREV_FAIR.id });

const ex = [
  exhibitor(1, { uscc: uscc('91440101MA59ABC1X'), booths: [{ hall: '11.2', stand: 'C05' }] }, FAIR),
  exhibitor(2, { uscc: uscc('91440101MA59ABC2X'), booths: [{ hall: '11.2', stand: 'C06' }] }, FAIR),
  exhibitor(3, { uscc: uscc('91440101MA59ABC3X'), booths: [{ hall: '9.1', stand: 'A01' }] }, FAIR),
  exhibitor(4, { country: 'HK', foreignRegNo: 'REG004', booths: [{ hall: '9.1', stand: 'A02' }] }, FAIR),
  exhibitor(5, { uscc: uscc('91440101MA59ABC5X'), booths: [{ hall: '3.1', stand: 'B01' }] }, FAIR),
  exhibitor(6, { uscc: uscc('91440101MA59ABC6X'), booths: [{ hall: '3.1', stand: 'B02' }, { hall: '3.1', stand: 'B03' }] }, FAIR),
] as const;
export const [E1, E2, E3, E4, E5, E6] = ex;
export const KEYS = ex.map(keyOf);
const at = (e: (typeof ex)[number]) => {
  const booth = e.booths[0] ?? { hall: '', stand: '' };
  return { key: keyOf(e), name: e.nameZh, hall: booth.hall, stand: booth.stand };
};

const D1 = '2025-04-15';
const D2 = '2025-04-16';
const D3 = '2025-04-17';

export const CASES = [
  runCase(FAIR, {
    n: 1, complaint: 1, respondent: at(E1), start: `${D1} 10:00`,
    steps: [
      ['Accept', { at: `${D1} 10:20` }],
      ['NotifyRespondent', { at: `${D1} 10:30` }],
      ['RecordAdmission', { at: `${D1} 10:40` }],
      ['IssueOpinion', { at: `${D1} 11:00` }],
      ['OrderMeasures', { at: `${D1} 11:10`, payload: { measures: [{ code: 'COVER', itemIndex: 0 }, { code: 'WITHDRAW_EXHIBIT' }] } }],
      ['VerifyMeasure', { at: `${D1} 11:40`, payload: { measureIndex: 0 } }],
      ['VerifyMeasure', { at: `${D1} 12:10`, payload: { measureIndex: 1 } }],
      'CloseFair',
    ],
  }),
  runCase(FAIR, {
    n: 2, complaint: 1, respondent: at(E2), start: `${D1} 10:00`,
    steps: [['Accept', { at: `${D1} 10:30` }], ['IssueOpinion', { at: `${D1} 12:30` }], 'CloseFair'],
  }),
  runCase(FAIR, {
    n: 3, complaint: 2, respondent: at(E3), complainant: FOREIGN_COMPLAINANT, rights: [right('trademark', 3), right('design', 3)], start: `${D2} 09:30`,
    steps: [
      ['Accept', { at: `${D2} 09:40` }],
      ['NotifyRespondent', { at: `${D2} 09:50` }],
      'MarkDefenceOverdue',
      ['IssueOpinion', { at: `${D3} 10:40` }],
      ['OrderMeasures', { at: `${D3} 10:50`, payload: { measures: [{ code: 'DETAIN' }] } }],
      ['VerifyMeasure', { at: `${D3} 11:00`, payload: { measureIndex: 0, result: 'refused' } }],
      ['Transfer', { at: `${D3} 11:10`, payload: { authorityName: AUTHORITY_ENFORCEMENT, kind: 'enforcement', reason: '拒不执行处置措施' } }],
      ['RecordHandover', { at: `${D3} 11:40`, payload: { receivingOfficer: '王警官', handedOverAt: '2025-04-17T03:30:00.000Z' } }],
      'CloseFair',
      'RecordPostShowResult',
    ],
  }),
  runCase(FAIR, {
    n: 4, complaint: 3, respondent: at(E1), rights: [right('utility_model', 4)], start: `${D2} 14:00`,
    steps: [
      ['Accept', { at: `${D2} 14:05` }],
      ['NotifyRespondent', { at: `${D2} 14:10` }],
      ['RecordDefence', { at: `${D2} 14:30` }],
      ['IssueOpinion', { at: `${D2} 15:00` }],
      ['RequestReview', { at: `${D2} 15:30` }],
      ['DecideReview', { at: `${D2} 16:00` }],
      'CloseFair',
    ],
  }),
  runCase(FAIR, {
    n: 5, complaint: 4, respondent: at(E4), rights: [right('copyright', 5)], start: `${D3} 10:00`,
    steps: [
      ['Accept', { at: `${D3} 10:45` }],
      ['NotifyRespondent', { at: `${D3} 11:00` }],
      ['RecordAdmission', { at: `${D3} 11:20` }],
      ['IssueOpinion', { at: `${D3} 11:45` }],
      ['RequestReview', { at: `${D3} 12:00` }],
      ['DecideReview', { at: `${D3} 13:00`, payload: { decision: 'overturned', reasons: '复核改判' } }],
      'CloseFair',
    ],
  }),
  runCase(FAIR, {
    n: 6, complaint: 5, respondent: at(E5), complainant: FOREIGN_COMPLAINANT, start: `${D3} 14:00`,
    steps: [['Accept', { at: `${D3} 14:15` }], 'RecordSettlement'],
  }),
  runCase(FAIR, { n: 7, complaint: 6, respondent: at(E5), start: `${D1} 15:00`, steps: [['Reject', { payload: { reason: 'NR_NO_STANDING' } }]] }),
  runCase(FAIR, { n: 8, complaint: 7, respondent: at(E3), start: `${D1} 15:30`, steps: ['Reject'] }),
  runCase(FAIR, { n: 9, complaint: 8, respondent: at(E2), start: `${D2} 10:00`, steps: [['Accept', { at: `${D2} 11:00` }], 'Withdraw'] }),
  runCase(FAIR, {
    n: 10, complaint: 9, respondent: at(E3), start: `${D2} 11:00`,
    steps: [['Accept', { at: `${D2} 11:25` }], 'Transfer', 'CloseFair'],
  }),
  runCase(FAIR, {
    n: 11, complaint: 10, respondent: at(E5), start: `${D3} 09:00`,
    steps: [['Accept', { at: `${D3} 09:35` }], 'NotifyRespondent', 'RecordVoluntaryRemoval'],
  }),
  runCase(FAIR, { n: 12, complaint: 11, respondent: at(E4), start: `${D3} 15:00`, steps: [['Accept', { at: `${D3} 15:50` }], 'CloseFair'] }),
  runCase(FAIR, { n: 13, complaint: 12, respondent: at(E6), start: `${D3} 16:00`, steps: ['CloseFair'] }),
];

const P1 = '2024-10-15';
/** CF136: E1 and E3 established (RP2 with this session), E5 not established, one refusal. */
export const PREV_CASES = [
  runCase(PREV_FAIR, {
    n: 51, complaint: 51, respondent: at(E1), start: `${P1} 10:00`,
    steps: ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'],
  }),
  runCase(PREV_FAIR, {
    n: 52, complaint: 52, respondent: at(E3), start: `${P1} 11:00`,
    steps: ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'],
  }),
  runCase(PREV_FAIR, { n: 53, complaint: 53, respondent: at(E5), start: `${P1} 12:00`, steps: ['Accept', 'IssueOpinion', 'CloseFair'] }),
  runCase(PREV_FAIR, { n: 54, complaint: 54, respondent: at(E6), start: `${P1} 13:00`, steps: ['Reject'] }),
];

export const DUTY: ExpertDuty[] = [
  { expertId: userId(2), date: D1 },
  { expertId: userId(2), date: D2 },
  { expertId: userId(3), date: D1 },
  // The same expert and day entered twice counts once.
  { expertId: userId(2), date: D1 },
] as ExpertDuty[];

export const CURRENT: SessionData = session(FAIR, CASES, {
  exhibitors: [...ex],
  commitments: [
    signed(1, E1, FAIR),
    signed(2, E2, FAIR),
    signed(3, E2, FAIR, 2, ulidOf(2, '01M')),
    draftOf(4, E3, FAIR),
    signed(5, E4, FAIR),
  ],
  consultations: [
    consultation(1, FAIR, { askerKind: 'exhibitor', ipType: 'invention', opinionGiven: true }),
    consultation(2, FAIR, { askerKind: 'right_holder', ipType: 'trademark' }),
    consultation(3, FAIR, { askerKind: 'visitor' }),
    consultation(4, FAIR, { askerKind: 'exhibitor', ipType: 'design', opinionGiven: true }),
  ],
  outreach: [
    outreach(1, FAIR, { kind: 'training', participants: 120, materials: 50 }),
    outreach(2, FAIR, { kind: 'training', participants: 80 }),
    outreach(3, FAIR, { kind: 'publicity', participants: 30, materials: 500 }),
  ],
  expertsOnDuty: DUTY,
});

export const PREVIOUS: SessionData = session(PREV_FAIR, PREV_CASES);

export { AUTHORITY_ADMIN };
