import type { IpType } from '../../../domain/codes';
import type { PartyKind, Standing } from '../../../domain/party';
import type { IdDocType } from '../../../domain/validators/resident-id';

/**
 * A party and a right as the intake form holds them (every field a string), with their blanks:
 * apart from complaint-form.ts so that the phone's form, which shows the same fields, does not
 * load the desk's case commands with them.
 */
export interface PartyForm {
  kind: PartyKind;
  name: string;
  country: string;
  uscc: string;
  foreignRegNo: string;
  idType: IdDocType | '';
  idNumber: string;
  phone: string;
  badgeNo: string;
  standing: Standing;
}
export interface RightForm {
  type: IpType;
  number: string;
  title: string;
  holder: string;
  jurisdiction: string;
  niceClasses: string;
  status: string;
  statusSource: string;
}

export const blankParty = (country: string, kind: PartyKind = 'entity'): PartyForm => ({
  kind,
  name: '',
  country,
  uscc: '',
  foreignRegNo: '',
  idType: '',
  idNumber: '',
  phone: '',
  badgeNo: '',
  standing: 'holder',
});
export const blankRight = (jurisdiction: string): RightForm => ({
  type: 'invention',
  number: '',
  title: '',
  holder: '',
  jurisdiction,
  niceClasses: '',
  status: 'valid',
  statusSource: 'certificate',
});
