import { createSignal } from 'solid-js';
import type { Language } from '../../domain/codes';
import { zh, type MessageKey as BaseKey } from './zh';
import { en } from './en';
import { deskBEn, deskBZh } from './desk-b';
import { deskAEn, deskAZh } from './desk-a';
import { phoneEn, phoneZh } from './phone';
import { summaryEn, summaryZh } from './summary';
import { syncEn, syncZh } from './sync';

/**
 * The one translation lookup. Default zh-CN (DOMAIN.md §3 `uiLanguages`); the choice is
 * remembered per device: in the device record (store `setLanguage`) and, so the very first paint
 * after a reload is already right without waiting for IndexedDB, in localStorage.
 */
export type MessageKey = BaseKey | keyof typeof deskBZh | keyof typeof deskAZh | keyof typeof phoneZh | keyof typeof summaryZh | keyof typeof syncZh;
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

const ZH: Record<MessageKey, string> = { ...zh, ...deskBZh, ...deskAZh, ...phoneZh, ...summaryZh, ...syncZh };
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': ZH, en: { ...en, ...deskBEn, ...deskAEn, ...phoneEn, ...summaryEn, ...syncEn } };
const LANG_KEY = 'faircase.lang';

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

const [locale, setLocaleSignal] = createSignal<Language>(initial());
export { locale };

export function setLocale(lang: Language): void {
  setLocaleSignal(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the device record still remembers it.
  }
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(ZH, key);

const interpolate = (text: string, params: Params | undefined): string =>
  params === undefined ? text : text.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));

/** Reactive: reads the locale signal, so a view re-renders on a language switch. */
export const t = (key: MessageKey, params?: Params): string => interpolate(DICTIONARIES[locale()][key], params);

/** The same lookup in a given language (tests, notices printed in both). */
export const tIn = (lang: Language, key: MessageKey, params?: Params): string => interpolate(DICTIONARIES[lang][key], params);
