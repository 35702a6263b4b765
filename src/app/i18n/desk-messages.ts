import { addMessages } from './index';
import { zh } from './zh';
import { en } from './en';
import { deskAEn, deskAZh } from './desk-a';
import { deskBEn, deskBZh } from './desk-b';
import { phoneEn, phoneZh } from './phone';
import { summaryEn, summaryZh } from './summary';
import { syncEn, syncZh } from './sync';
import { deskUxEn, deskUxZh } from './desk-ux';

/** Every dictionary, for the desk app: `main.tsx` imports this before the desk's first render. */
addMessages('zh-CN', { ...zh, ...deskBZh, ...phoneZh, ...deskAZh, ...summaryZh, ...syncZh, ...deskUxZh });
addMessages('en', { ...en, ...deskBEn, ...phoneEn, ...deskAEn, ...summaryEn, ...syncEn, ...deskUxEn });
