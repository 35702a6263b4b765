import { DESK_MESSAGES } from '../../src/app/i18n/desk-messages';
import type { MessageKey } from '../../src/app/i18n/index';

/**
 * The desk's dictionaries (every app messages file), installed as the desk installs them, and
 * each language as one key → text object for tests that compare a screen's text with its message.
 */
const inLanguage = (lang: 'zh-CN' | 'en'): Readonly<Record<MessageKey, string>> =>
  Object.fromEntries(DESK_MESSAGES.flatMap((messages) => Object.entries(messages)).map(([key, texts]) => [key, texts[lang]])) as Record<MessageKey, string>;

export const zh = inLanguage('zh-CN');
export const en = inLanguage('en');
export { tIn, type MessageKey } from '../../src/app/i18n/index';
