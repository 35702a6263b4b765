import type { Language } from '../../domain/codes';
import { addMessages, interpolate, locale, setLocale, type Params } from '../../app/i18n/index';
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

let loaded: Promise<void> | undefined;

/**
 * The app's base share of messages (field-error messages for the domain's codes, the domain's
 * code labels, the fair settings' labels) and its form words, loaded on demand: the console shows
 * the same words for the same errors as the tablet. Both languages come in one download.
 */
export function loadMessages(): Promise<void> {
  loaded ??= Promise.all([import('../../app/i18n/base-messages'), import('../../app/ui/form.messages'), import('../../app/screens/users/users.messages')]).then(([, { formMessages }, { usersMessages }]) => {
    addMessages(formMessages);
    addMessages(usersMessages);
  });
  return loaded;
}

export async function switchLanguage(lang: Language): Promise<void> {
  await loadMessages();
  setLocale(lang);
}

export { locale };
