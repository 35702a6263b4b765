import { describe, expect, test } from 'vitest';
import { COMMAND_ROLES } from '../../src/domain/case/command-rules';
import { mayAct, SCREEN_ROLES, STAFF_ROLES, staffRolesOf } from '../../src/app/session/screen-roles';

describe('who may act on each screen', () => {
  test('filing (intake and the phone hand-off) is the clerk’s, as the case rules say for Submit', () => {
    expect(SCREEN_ROLES.intake.act).toEqual(['clerk']);
    expect(SCREEN_ROLES.handoff.act).toEqual(['clerk']);
    expect(mayAct('intake', 'organizer')).toBe(false);
    expect(mayAct('intake', 'expert')).toBe(false);
  });

  test('users and the summary are the organizer’s; the board, commitments and consultations anyone’s', () => {
    expect(SCREEN_ROLES.users.act).toEqual(['organizer']);
    expect(SCREEN_ROLES.summary.act).toEqual(['organizer']);
    for (const screen of ['board', 'commitments', 'consultations'] as const) expect(SCREEN_ROLES[screen].act).toEqual(STAFF_ROLES);
  });

  test('a case is acted on by every staff role that some case command allows', () => {
    expect(SCREEN_ROLES.case.act).toEqual(['clerk', 'expert', 'organizer']);
    expect(staffRolesOf('Reject')).toEqual(['expert']);
    expect(staffRolesOf('RecordPostShowResult')).toEqual(['organizer']);
    // Parties and the system never sign in at the desk.
    expect(staffRolesOf('MarkDefenceOverdue')).toEqual([]);
    expect(COMMAND_ROLES.Submit).toContain('complainant');
  });
});
