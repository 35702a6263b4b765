import type { DomainError } from '../../../domain/result';
import { isMessageKey, t } from '../../i18n/index';

/**
 * The case machine's errors (CS1: `ILLEGAL_TRANSITION`, `FORBIDDEN_ROLE`, `GUARD_FAILED:<rule>`)
 * as sentences in the user's language; the state and role parameters are translated too.
 */
export function caseErrorMessage(e: DomainError): string {
  const key = `caseErr.${e.code}`;
  const p = e.params ?? {};
  const state = typeof p.state === 'string' ? p.state : '';
  const role = typeof p.role === 'string' ? p.role : '';
  const stateKey = `board.state.${state}`;
  const roleKey = `role.${role}`;
  const params = {
    state: isMessageKey(stateKey) ? t(stateKey) : state,
    role: isMessageKey(roleKey) ? t(roleKey) : role,
    code: e.code,
  };
  return isMessageKey(key) ? t(key, params) : t('caseErr.unknown', params);
}
