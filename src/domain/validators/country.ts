import { z } from 'zod';
import { normaliseText } from '../text';

/**
 * ISO 3166-1 alpha-2 country codes (the 249 officially assigned ones). A static list rather than
 * `Intl.DisplayNames`, whose data differs between kiosk browsers; Taiwan, Hong Kong and Macao
 * keep their ISO codes (TW, HK, MO), the naming on screen is the app's job.
 */
export const ISO_COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
const KNOWN = new Set(ISO_COUNTRIES);

export const isIsoCountry = (code: string): boolean => KNOWN.has(code);

/** Trimmed, upper-cased, two letters, and an assigned ISO 3166-1 code. */
export const Country = z
  .string()
  .transform((v) => normaliseText(v).toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'INVALID_FORMAT', abort: true })
      .refine(isIsoCountry, { message: 'UNKNOWN_COUNTRY', abort: true }),
  )
  .brand<'Country'>();
export type Country = z.infer<typeof Country>;
