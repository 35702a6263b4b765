import { addMessages } from './index';
import { zh } from './zh';
import { en } from './en';
import { deskAEn, deskAZh } from './desk-a';
import { deskBEn, deskBZh } from './desk-b';
import { phoneEn, phoneZh } from './phone';
import { summaryEn, summaryZh } from './summary';
import { syncEn, syncZh } from './sync';
import { deskUxEn, deskUxZh } from './desk-ux';
import { evidenceEn, evidenceZh } from './evidence';
import { inLanguage } from './paired';
import { boardMessages } from '../screens/case-board/case-board.messages';
import { exhibitorSearchMessages } from '../screens/exhibitors/exhibitors.messages';
import { handoffMessages } from '../screens/qr-handoff/qr-handoff.messages';
import { clauseMessages, phoneClauseMessages } from '../ui/fair-settings/clause-messages';

/** Every dictionary, for the desk app: `main.tsx` imports this before the desk's first render. */
addMessages('zh-CN', { ...zh, ...deskBZh, ...phoneZh, ...deskAZh, ...summaryZh, ...syncZh, ...deskUxZh, ...evidenceZh, ...inLanguage(boardMessages, 'zh-CN'), ...inLanguage(exhibitorSearchMessages, 'zh-CN'), ...inLanguage(handoffMessages, 'zh-CN'), ...inLanguage(clauseMessages, 'zh-CN'), ...inLanguage(phoneClauseMessages, 'zh-CN') });
addMessages('en', { ...en, ...deskBEn, ...phoneEn, ...deskAEn, ...summaryEn, ...syncEn, ...deskUxEn, ...evidenceEn, ...inLanguage(boardMessages, 'en'), ...inLanguage(exhibitorSearchMessages, 'en'), ...inLanguage(handoffMessages, 'en'), ...inLanguage(clauseMessages, 'en'), ...inLanguage(phoneClauseMessages, 'en') });
