/** A value or a typed failure; the domain never throws for an expected failure. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

/**
 * A domain error is a code plus parameters, never a sentence: the app turns it into zh-CN and
 * English (CS1, CD7). `code` is e.g. `ILLEGAL_TRANSITION`, `FORBIDDEN_ROLE`,
 * `GUARD_FAILED:CS14`.
 */
export interface DomainError {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

export const domainError = (code: string, params?: DomainError['params']): DomainError =>
  params === undefined ? { code } : { code, params };
