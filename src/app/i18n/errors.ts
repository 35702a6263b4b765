import { isMessageKey, t, type Params } from './index';

/**
 * Domain and storage errors are codes + params (CS1, CD7: failures are
 * values); this is where they become sentences, in the user's language.
 */
export interface FieldErrorLike {
  readonly field: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}
export interface StorageErrorLike {
  readonly kind: string;
  readonly detail?: string | undefined;
}

const toParams = (p: Readonly<Record<string, unknown>> | undefined): Params | undefined => {
  if (p === undefined) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (v !== undefined && v !== null) out[k] = JSON.stringify(v);
  }
  return out;
};

/** The message of one field-error code; an unknown code still says something, with the code. */
export function fieldErrorMessage(e: Pick<FieldErrorLike, 'code' | 'params'>): string {
  const key = `err.${e.code}`;
  return isMessageKey(key) ? t(key, toParams(e.params)) : t('err.UNKNOWN_CODE', { code: e.code });
}

export function storageErrorMessage(e: StorageErrorLike): string {
  const key = `storageError.${e.kind}`;
  return isMessageKey(key) ? t(key, { detail: e.detail ?? e.kind }) : t('storageError.unknown', { detail: e.detail ?? e.kind });
}
