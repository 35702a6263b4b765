import type { Case } from '../../../domain/case/case';
import { getCase } from '../../../store/cases';
import { listUsers, type User } from '../../../store/users';

/** The case a notice is about and the desk's users (the notice names who served it). */
export const readNotice = async (caseId: string): Promise<{ readonly c: Case | undefined; readonly users: readonly User[] }> => ({
  c: await getCase(caseId),
  users: await listUsers(),
});
