import type { Language } from '../../domain/codes';
import { addLanguage, interpolate, locale, setLocale, type Params } from '../../app/i18n/index';
import type { PairedMessages } from '../../app/i18n/paired';

/**
 * The console's messages live beside its screens, both languages on adjacent lines
 * (`{ 'fairs.title': { 'zh-CN': '展会', en: 'Fairs' } }`), the app's one format; a screen's chunk
 * carries its own. The language is the app's one signal (`locale`), so a switch re-words every
 * screen at once.
 */
export type Bilingual = Readonly<Record<Language, string>>;
export type ConsoleMessages = PairedMessages;

/** A typed, reactive lookup over one screen's messages: `const t = translator(fairsMessages)`. */
export const translator =
  <M extends ConsoleMessages>(messages: M) =>
  (key: keyof M & string, params?: Params): string =>
    interpolate(messages[key]?.[locale()] ?? key, params);

const loaded = new Set<Language>();

/**
 * The app's messages the console shows (`console-dictionary.ts`: field-error messages for the
 * domain's codes, the domain's code labels, the fair settings' labels, the forms' words), one
 * language on demand: the console shows the same words for the same errors as the tablet, and
 * downloads only the language it shows.
 */
export async function loadLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  const { default: messages } = await (lang === 'en' ? import('../../app/i18n/console-dictionary?lang=en') : import('../../app/i18n/console-dictionary?lang=zh-CN'));
  addLanguage(lang, messages);
  loaded.add(lang);
}

export async function switchLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  setLocale(lang);
}

export { locale };
