/**
 * Every messages file the desk app says: the base share and each desk screen's own. Data only
 * (re-exports), so the build can pick one language out of it (`?lang=`, vite.config.ts): the
 * desk's start installs its dictionaries as two plain key → text objects
 * (`desk-languages.ts`), not as the side-by-side sources.
 */
export * from './base-dictionary';
export { formMessages } from '../ui/form.messages';
export { clauseMessages, phoneClauseMessages } from '../ui/fair-settings/clause-messages';
export { evidenceMessages } from '../evidence/evidence.messages';
export { phoneMessages } from '../phone/phone.messages';
export { usersMessages } from '../screens/users/users.messages';
export { signInMessages } from '../screens/sign-in/sign-in.messages';
export { intakeMessages } from '../screens/complaint-intake/complaint-intake.messages';
export { partyMessages } from '../screens/complaint-intake/parties.messages';
export { caseDetailMessages } from '../screens/case-detail/case-detail.messages';
export { noticeMessages } from '../screens/notices/notices.messages';
export { boardMessages } from '../screens/case-board/case-board.messages';
export { commitmentMessages } from '../screens/commitment-sign/commitment-sign.messages';
export { coverageMessages } from '../screens/commitment-coverage/commitment-coverage.messages';
export { printMessages } from '../screens/commitment-print/commitment-print.messages';
export { consultationMessages } from '../screens/consultations/consultations.messages';
export { handoffMessages } from '../screens/qr-handoff/qr-handoff.messages';
export { summaryMessages } from '../screens/summary/summary.messages';
export { syncMessages } from '../screens/sync/sync.messages';
export { bundleMessages } from '../screens/sync/bundle.messages';
export { conflictMessages } from '../screens/conflicts/conflicts.messages';
