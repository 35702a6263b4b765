import type { ClauseCode } from '../../domain/commitment';
import type { Fair } from '../../domain/fair';
import type { PhotoRef, Strokes } from '../../domain/wire/phone-payload';
import { blankParty, blankRight, type PartyForm, type RightForm } from '../screens/complaint-intake/party-right-form';

/**
 * The phone's two forms as typed (every field a string, so a half-typed draft survives a
 * reload). Their checks are in phone-check.ts, loaded when the filer first asks for the code:
 * the schemas they parse with are no part of the phone's first paint.
 */
export interface PhoneRespondentForm {
  name: string;
  hall: string;
  stand: string;
}
export interface PhoneItemForm {
  description: string;
  photos: PhotoRef[];
}
export interface PhoneComplaintForm {
  /** The filing's id, made once on the phone: a second scan of it creates nothing at the desk. */
  id: string;
  complainant: PartyForm;
  hasAgent: boolean;
  agent: PartyForm;
  rights: RightForm[];
  respondents: PhoneRespondentForm[];
  items: PhoneItemForm[];
  signature: Strokes;
}
export interface PhoneCommitmentForm {
  id: string;
  exhibitorName: string;
  hall: string;
  stand: string;
  signerName: string;
  signerTitle: string;
  signerPhone: string;
  clausesAccepted: ClauseCode[];
  signature: Strokes;
}

export const blankPhoneComplaint = (fair: Fair, id: string): PhoneComplaintForm => ({
  id,
  complainant: blankParty(fair.settings.country),
  hasAgent: false,
  agent: blankParty(fair.settings.country, 'person'),
  rights: [blankRight(fair.settings.rightJurisdictions[0] ?? 'CN')],
  respondents: [{ name: '', hall: '', stand: '' }],
  items: [{ description: '', photos: [] }],
  signature: [],
});

export const blankPhoneCommitment = (id: string): PhoneCommitmentForm => ({
  id,
  exhibitorName: '',
  hall: '',
  stand: '',
  signerName: '',
  signerTitle: '',
  signerPhone: '',
  clausesAccepted: [],
  signature: [],
});
