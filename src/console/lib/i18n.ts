import type { Language } from '../../domain/codes';
import { addMessages, locale, setLocale, type Params } from '../../app/i18n/index';

/**
 * The console's messages live beside its screens, both languages on adjacent lines
 * (`{ 'fairs.title': { 'zh-CN': '展会', en: 'Fairs' } }`); a screen's chunk carries its own.
 * The language is the app's one signal (`locale`), so a switch re-words every screen at once.
 */
export type Bilingual = Readonly<Record<Language, string>>;
export type ConsoleMessages = Readonly<Record<string, Bilingual>>;

const interpolate = (text: string, params: Params | undefined): string =>
  params === undefined ? text : text.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));

/** A typed, reactive lookup over one screen's messages: `const t = translator(fairsMessages)`. */
export const translator =
  <M extends ConsoleMessages>(messages: M) =>
  (key: keyof M & string, params?: Params): string =>
    interpolate(messages[key]?.[locale()] ?? key, params);

const loaded = new Set<Language>();

/**
 * The app's base dictionary of one language (field-error messages for the domain's codes, the
 * domain's code labels, the fair settings' labels), loaded on demand: the console shows the same
 * words for the same errors as the tablet, and downloads only the language it shows (and the
 * app's small form-words file, both languages in one).
 */
export async function loadLanguage(lang: Language): Promise<void> {
  if (!loaded.has(lang)) {
    const [base, ux] = await Promise.all([lang === 'en' ? import('../../app/i18n/en').then((m) => m.en) : import('../../app/i18n/zh').then((m) => m.zh), import('../../app/i18n/desk-ux')]);
    addMessages(lang, base);
    addMessages(lang, lang === 'en' ? ux.deskUxEn : ux.deskUxZh);
    loaded.add(lang);
  }
}

export async function switchLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  setLocale(lang);
}

export { locale };
