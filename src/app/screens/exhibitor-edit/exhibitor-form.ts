import type { Exhibitor } from '../../../domain/exhibitor';
import type { Fair } from '../../../domain/fair';
import { normaliseText } from '../../../domain/text';
import type { ExhibitorFields } from '../../../store/exhibitors';

/** The exhibitor form as typed; one registration field that is a USCC for CN, else a foreign reg. no. (EN4). */
export interface ExhibitorForm {
  nameZh: string;
  nameEn: string;
  country: string;
  regNo: string;
  delegation: string;
  booths: { hall: string; stand: string }[];
  contacts: { name: string; phone: string }[];
}

export const blankExhibitorForm = (fair: Fair | undefined): ExhibitorForm => ({
  nameZh: '',
  nameEn: '',
  country: fair?.settings.country ?? 'CN',
  regNo: '',
  delegation: '',
  booths: [{ hall: '', stand: '' }],
  contacts: [],
});

export const exhibitorToForm = (e: Exhibitor): ExhibitorForm => ({
  nameZh: e.nameZh,
  nameEn: e.nameEn ?? '',
  country: e.country,
  regNo: e.uscc ?? e.foreignRegNo ?? '',
  delegation: e.delegation ?? '',
  booths: e.booths.map((b) => ({ hall: b.hall, stand: b.stand })),
  contacts: e.contacts.map((c) => ({ name: c.name, phone: c.phone })),
});

export const isChinese = (country: string): boolean => normaliseText(country).toUpperCase() === 'CN';

export function formToExhibitorFields(f: ExhibitorForm, id: string | undefined): ExhibitorFields {
  const regNo = f.regNo.trim();
  return {
    ...(id === undefined ? {} : { id }),
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    country: f.country,
    ...(regNo === '' ? {} : isChinese(f.country) ? { uscc: regNo } : { foreignRegNo: regNo }),
    delegation: f.delegation,
    booths: f.booths.filter((b) => b.hall.trim() !== '' || b.stand.trim() !== ''),
    contacts: f.contacts.filter((c) => c.name.trim() !== '' || c.phone.trim() !== ''),
  } as ExhibitorFields;
}
