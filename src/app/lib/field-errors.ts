import { fieldErrorMessage, storageErrorMessage, type FieldErrorLike, type StorageErrorLike } from '../i18n/errors';

/**
 * Where a form shows its field errors. `field` is the dotted path from the domain schema
 * (`days.1.date`); each input shows the errors of its own path, translated when rendered so a
 * language switch re-words them; the rest are listed at the top of the form.
 */
export type { FieldErrorLike };

export function messageAt(errors: readonly FieldErrorLike[], ...paths: string[]): string | undefined {
  const found = errors.filter((e) => paths.includes(e.field)).map((e) => fieldErrorMessage(e));
  return found.length === 0 ? undefined : found.join(' ');
}

/** Errors at `prefix` or anywhere below it (`booths` covers `booths.0.hall`). */
export function messagesUnder(errors: readonly FieldErrorLike[], prefix: string): string | undefined {
  const found = errors.filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`)).map((e) => fieldErrorMessage(e));
  return found.length === 0 ? undefined : [...new Set(found)].join(' ');
}

/** What a refused save says beside Save when no field is to blame (a storage error); field errors point at their fields. */
export const refusalText = (e: StorageErrorLike | undefined): string | undefined => (e === undefined || e.kind === 'invalid' ? undefined : storageErrorMessage(e));
