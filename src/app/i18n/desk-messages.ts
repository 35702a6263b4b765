import { addMessages } from './index';
import { BASE_MESSAGES } from './base-messages';
import { formMessages } from '../ui/form.messages';
import { clauseMessages, phoneClauseMessages } from '../ui/fair-settings/clause-messages';
import { evidenceMessages } from '../evidence/evidence.messages';
import { phoneMessages } from '../phone/phone.messages';
import { usersMessages } from '../screens/users/users.messages';
import { signInMessages } from '../screens/sign-in/sign-in.messages';
import { intakeMessages } from '../screens/complaint-intake/complaint-intake.messages';
import { partyMessages } from '../screens/complaint-intake/parties.messages';
import { caseDetailMessages } from '../screens/case-detail/case-detail.messages';
import { noticeMessages } from '../screens/notices/notices.messages';
import { boardMessages } from '../screens/case-board/case-board.messages';
import { commitmentMessages } from '../screens/commitment-sign/commitment-sign.messages';
import { coverageMessages } from '../screens/commitment-coverage/commitment-coverage.messages';
import { printMessages } from '../screens/commitment-print/commitment-print.messages';
import { consultationMessages } from '../screens/consultations/consultations.messages';
import { handoffMessages } from '../screens/qr-handoff/qr-handoff.messages';
import { summaryMessages } from '../screens/summary/summary.messages';
import { syncMessages } from '../screens/sync/sync.messages';
import { bundleMessages } from '../screens/sync/bundle.messages';
import { conflictMessages } from '../screens/conflicts/conflicts.messages';

/** Every dictionary, for the desk app: `main.tsx` imports this before the desk's first render. */
export const DESK_MESSAGES = [
  ...BASE_MESSAGES,
  formMessages, clauseMessages, phoneClauseMessages, evidenceMessages, phoneMessages, usersMessages, signInMessages, intakeMessages, partyMessages, caseDetailMessages, noticeMessages,
  boardMessages, commitmentMessages, coverageMessages, printMessages, consultationMessages, handoffMessages, summaryMessages, syncMessages, bundleMessages, conflictMessages,
] as const;
for (const messages of DESK_MESSAGES) addMessages(messages);
