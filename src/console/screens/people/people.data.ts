import { CONSOLE_PREFIX, PasswordReset, PeopleList, PersonSaved, type CreatePersonRequest, type ResetPasswordRequest } from '../../../domain/wire/console';
import { request, type ApiResult } from '../../lib/api';

/** The people area's server calls (src/domain/wire/console.ts). */
export const listPeople = (): Promise<ApiResult<PeopleList>> => request(PeopleList, `${CONSOLE_PREFIX}/people`);

export const createPerson = (body: CreatePersonRequest): Promise<ApiResult<PersonSaved>> => request(PersonSaved, `${CONSOLE_PREFIX}/people`, { method: 'POST', body });

export const setDisabled = (userId: string, disabled: boolean): Promise<ApiResult<PersonSaved>> =>
  request(PersonSaved, `${CONSOLE_PREFIX}/people/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });

export const resetPassword = (userId: string, body: ResetPasswordRequest): Promise<ApiResult<PasswordReset>> =>
  request(PasswordReset, `${CONSOLE_PREFIX}/people/${encodeURIComponent(userId)}/password`, { method: 'POST', body });
