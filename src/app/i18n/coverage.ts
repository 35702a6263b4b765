import type { FieldErrorCode } from '../../domain/field-errors';
import type { StorageErrorKind } from '../../store/result';
import type { codeMessages } from './codes.messages';

/**
 * Compile-time proof that every field-error code of the domain (FIELD_ERROR_CODES) and every
 * storage-error kind of the store has a message in the codes' file, which the desk, the phone and
 * the console all install: a new code without one fails `tsc`, naming the missing key. (Each
 * entry carries both languages, so English is covered too.)
 */
type Missing = Exclude<`err.${FieldErrorCode}` | `storageError.${StorageErrorKind}`, keyof typeof codeMessages>;
export const EVERY_ERROR_HAS_A_MESSAGE: [Missing] extends [never] ? true : Missing = true;
