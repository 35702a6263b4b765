import { createSignal } from 'solid-js';
import type { Language } from '../../domain/codes';
import type { MessageKey as BaseKey } from './zh';
import type { deskAZh } from './desk-a';
import type { deskBZh } from './desk-b';
import type { evidenceZh } from './evidence';
import type { phoneZh } from './phone';
import type { summaryZh } from './summary';
import type { syncZh } from './sync';
import type { boardMessages } from '../screens/case-board/case-board.messages';
import type { exhibitorSearchMessages } from '../screens/exhibitors/exhibitors.messages';
import type { deskUxZh } from './desk-ux';
import type { handoffMessages } from '../screens/qr-handoff/qr-handoff.messages';
import type { clauseMessages, phoneClauseMessages } from '../ui/fair-settings/clause-messages';

/**
 * The one translation lookup. Default zh-CN (FS16 `uiLanguages`); the choice is
 * remembered per device: in the device record (store `setLanguage`) and, so the very first paint
 * after a reload is already right without waiting for IndexedDB, in localStorage.
 *
 * The dictionaries are not imported here but installed by each entry before it renders
 * (`addMessages`): the desk installs all of them (`desk-messages.ts`), the public phone form only
 * what its screens say (`phone-messages.ts`), so the phone downloads no desk strings (it loads
 * over a mobile connection). The key type is still the union of every dictionary.
 */
export type MessageKey = BaseKey | keyof typeof deskBZh | keyof typeof deskAZh | keyof typeof phoneZh | keyof typeof summaryZh | keyof typeof syncZh | keyof typeof deskUxZh | keyof typeof evidenceZh | keyof typeof boardMessages | keyof typeof exhibitorSearchMessages | keyof typeof handoffMessages | keyof typeof clauseMessages | keyof typeof phoneClauseMessages;
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;
export type Messages = Partial<Readonly<Record<MessageKey, string>>>;

const DICTIONARIES: Record<Language, Partial<Record<MessageKey, string>>> = { 'zh-CN': {}, en: {} };
const LANG_KEY = 'faircase.lang';

/** Installs messages of one language (an entry does this before its first render). */
export function addMessages(lang: Language, messages: Messages): void {
  Object.assign(DICTIONARIES[lang], messages);
}

/** The language this page last chose, if the page remembers one (localStorage). */
export const rememberedLocale = (): Language | undefined => {
  try {
    const value = localStorage.getItem(LANG_KEY);
    return value === 'en' || value === 'zh-CN' ? value : undefined;
  } catch {
    return undefined;
  }
};

const initial = (): Language => rememberedLocale() ?? 'zh-CN';

const firstLocale = initial();
const [locale, setLocaleSignal] = createSignal<Language>(firstLocale);
export { locale };
// The page says which language it is in from the first paint (screen readers, hyphenation, the
// CJK font choice), also after a reload with a remembered choice, not only after a switch. Only
// when it differs from index.html's: setting the same value made every later navigation of the
// desk slower in Chromium (board first paint 116-135 -> 175-211 ms in the P3 bench, 4x throttling).
if (typeof document !== 'undefined' && document.documentElement.lang !== firstLocale) document.documentElement.lang = firstLocale;

export function setLocale(lang: Language): void {
  setLocaleSignal(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the device record still remembers it.
  }
}

/** Installed in either language: the console installs only the language it shows. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(DICTIONARIES['zh-CN'], key) || Object.hasOwn(DICTIONARIES.en, key);

const interpolate = (text: string, params: Params | undefined): string =>
  params === undefined ? text : text.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));

/** A key no installed dictionary has shows as itself: visible in a test, never a crash. */
const lookup = (lang: Language, key: MessageKey): string => DICTIONARIES[lang][key] ?? DICTIONARIES['zh-CN'][key] ?? key;

/** Reactive: reads the locale signal, so a view re-renders on a language switch. */
export const t = (key: MessageKey, params?: Params): string => interpolate(lookup(locale(), key), params);

/** The same lookup in a given language (tests, notices printed in both). */
export const tIn = (lang: Language, key: MessageKey, params?: Params): string => interpolate(lookup(lang, key), params);
