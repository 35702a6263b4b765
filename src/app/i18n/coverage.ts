import type { FieldErrorCode } from '../../domain/field-errors';
import type { StorageErrorKind } from '../../store/result';
import type { MessageKey } from './zh';

/**
 * Compile-time proof that every field-error code of the domain (FIELD_ERROR_CODES) and every
 * storage-error kind of the store has a message: a new code without one fails `tsc`, naming the
 * missing key. (`en.ts` is typed against the same keys, so English is covered too.)
 */
type Missing = Exclude<`err.${FieldErrorCode}` | `storageError.${StorageErrorKind}`, MessageKey>;
export const EVERY_ERROR_HAS_A_MESSAGE: [Missing] extends [never] ? true : Missing = true;
