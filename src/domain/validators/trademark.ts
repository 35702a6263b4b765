import { z } from 'zod';
import { normaliseText } from '../text';

/** A CNIPA trademark registration number: 1–9 digits (VA4). */
export const TrademarkNumber = z
  .string()
  .transform((v) => normaliseText(v).replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{1,9}$/, { message: 'INVALID_FORMAT' }))
  .brand<'TrademarkNumber'>();
export type TrademarkNumber = z.infer<typeof TrademarkNumber>;

/** A Nice classification class, 1–45. */
export const NiceClass = z.number().int().min(1).max(45);
export type NiceClass = z.infer<typeof NiceClass>;
