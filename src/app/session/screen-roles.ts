import { COMMAND_ROLES } from '../../domain/case/command-rules';
import type { CommandType } from '../../domain/case/commands';

/**
 * Who may act on each screen, said at the top before any typing: an organizer learns at once that
 * filing is a clerk's (CS2), not after filling a whole complaint. Derived from the case rules'
 * `COMMAND_ROLES` where a screen issues case commands, so the banner and the refusal agree.
 * Plain data, no Solid: tested in Node.
 */
export const STAFF_ROLES = ['clerk', 'expert', 'organizer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The desk staff among the roles allowed a command (parties and the system never sign in here). */
export const staffRolesOf = (...types: readonly CommandType[]): StaffRole[] =>
  STAFF_ROLES.filter((r) => types.some((type) => (COMMAND_ROLES[type] as readonly string[]).includes(r)));

/** Screen ids of the role banner; `open` screens need no sign-in at all. */
export type ScreenId = 'intake' | 'handoff' | 'board' | 'case' | 'commitments' | 'consultations' | 'summary' | 'users';

export interface ScreenRoles {
  /** Roles that may act here; every signed-in role may look. */
  readonly act: readonly StaffRole[];
}

export const SCREEN_ROLES = {
  // Filing a complaint, at the desk or from a phone's hand-off, is the `Submit` command.
  intake: { act: staffRolesOf('Submit') },
  handoff: { act: staffRolesOf('Submit') },
  // The board lists; a case's own screen offers each role the actions it may take.
  board: { act: STAFF_ROLES },
  case: { act: staffRolesOf(...(Object.keys(COMMAND_ROLES) as CommandType[])) },
  commitments: { act: STAFF_ROLES },
  consultations: { act: STAFF_ROLES },
  summary: { act: ['organizer'] },
  users: { act: ['organizer'] },
} as const satisfies Record<ScreenId, ScreenRoles>;

export const mayAct = (screen: ScreenId, role: StaffRole): boolean => (SCREEN_ROLES[screen].act as readonly StaffRole[]).includes(role);
