import { createSignal } from 'solid-js';
import type { Language } from '../../domain/codes';
import type { PairedMessages } from './paired';
import type { codeMessages } from './codes.messages';
import type { shellMessages } from '../shell.messages';
import type { formMessages } from '../ui/form.messages';
import type { fairSettingsMessages } from '../ui/fair-settings/fair-settings.messages';
import type { clauseMessages, phoneClauseMessages } from '../ui/fair-settings/clause-messages';
import type { evidenceMessages } from '../evidence/evidence.messages';
import type { phoneMessages } from '../phone/phone.messages';
import type { homeMessages } from '../screens/home/home.messages';
import type { deviceMessages } from '../screens/device-setup/device-setup.messages';
import type { fairListMessages } from '../screens/fair-list/fair-list.messages';
import type { exhibitorSearchMessages } from '../screens/exhibitors/exhibitors.messages';
import type { exhibitorEditMessages } from '../screens/exhibitor-edit/exhibitor-edit.messages';
import type { exhibitorImportMessages } from '../screens/exhibitor-import/exhibitor-import.messages';
import type { storageMessages } from '../screens/storage/storage.messages';
import type { usersMessages } from '../screens/users/users.messages';
import type { signInMessages } from '../screens/sign-in/sign-in.messages';
import type { intakeMessages } from '../screens/complaint-intake/complaint-intake.messages';
import type { partyMessages } from '../screens/complaint-intake/parties.messages';
import type { caseDetailMessages } from '../screens/case-detail/case-detail.messages';
import type { noticeMessages } from '../screens/notices/notices.messages';
import type { boardMessages } from '../screens/case-board/case-board.messages';
import type { commitmentMessages } from '../screens/commitment-sign/commitment-sign.messages';
import type { coverageMessages } from '../screens/commitment-coverage/commitment-coverage.messages';
import type { printMessages } from '../screens/commitment-print/commitment-print.messages';
import type { consultationMessages } from '../screens/consultations/consultations.messages';
import type { handoffMessages } from '../screens/qr-handoff/qr-handoff.messages';
import type { summaryMessages } from '../screens/summary/summary.messages';
import type { syncMessages } from '../screens/sync/sync.messages';
import type { bundleMessages } from '../screens/sync/bundle.messages';
import type { conflictMessages } from '../screens/conflicts/conflicts.messages';

/**
 * The one translation lookup. Default zh-CN (FS16 `uiLanguages`); the choice is
 * remembered per device: in the device record (store `setLanguage`) and, so the very first paint
 * after a reload is already right without waiting for IndexedDB, in localStorage.
 *
 * Messages live beside the screen or area that says them (`*.messages.ts`, zh-CN and English of a
 * key on one line); the domain's codes in `codes.messages.ts`. They are not imported here but
 * installed by each entry before it renders: the desk installs all of them in both languages
 * (`desk-languages.ts`), the public phone form and the console only their share
 * (`base-messages.ts`, `phone-messages.ts`), so the phone downloads no desk strings. The key
 * type is still the union of every file's keys, so a missing key fails `tsc`.
 */
type Keys<M> = keyof M & string;
export type MessageKey =
  | Keys<typeof codeMessages> | Keys<typeof shellMessages> | Keys<typeof formMessages> | Keys<typeof fairSettingsMessages> | Keys<typeof clauseMessages>
  | Keys<typeof phoneClauseMessages> | Keys<typeof evidenceMessages> | Keys<typeof phoneMessages> | Keys<typeof homeMessages> | Keys<typeof deviceMessages>
  | Keys<typeof fairListMessages> | Keys<typeof exhibitorSearchMessages> | Keys<typeof exhibitorEditMessages> | Keys<typeof exhibitorImportMessages>
  | Keys<typeof storageMessages> | Keys<typeof usersMessages> | Keys<typeof signInMessages> | Keys<typeof intakeMessages> | Keys<typeof partyMessages>
  | Keys<typeof caseDetailMessages> | Keys<typeof noticeMessages> | Keys<typeof boardMessages> | Keys<typeof commitmentMessages> | Keys<typeof coverageMessages>
  | Keys<typeof printMessages> | Keys<typeof consultationMessages> | Keys<typeof handoffMessages> | Keys<typeof summaryMessages> | Keys<typeof syncMessages>
  | Keys<typeof bundleMessages> | Keys<typeof conflictMessages>;
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

const DICTIONARIES: Record<Language, Partial<Record<MessageKey, string>>> = { 'zh-CN': {}, en: {} };
const LANG_KEY = 'faircase.lang';

/** Installs one language's dictionary (the phone's, picked out of the sources by the build). */
export function addLanguage(lang: Language, messages: Readonly<Record<string, string>>): void {
  Object.assign(DICTIONARIES[lang], messages);
}

/** Installs messages in both their languages (an entry does this before its first render). */
export function addMessages(messages: PairedMessages): void {
  for (const [key, texts] of Object.entries(messages)) {
    DICTIONARIES['zh-CN'][key as MessageKey] = texts['zh-CN'];
    DICTIONARIES.en[key as MessageKey] = texts.en;
  }
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
// desk slower in Chromium (budget P3).
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

/** Installed (both languages are installed together). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(DICTIONARIES['zh-CN'], key) || Object.hasOwn(DICTIONARIES.en, key);

/** Fills `{name}` placeholders; one left without a value stays visible. The console's lookup uses it too. */
export const interpolate = (text: string, params: Params | undefined): string =>
  params === undefined ? text : text.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));

/** A key no installed dictionary has shows as itself: visible in a test, never a crash. */
const lookup = (lang: Language, key: MessageKey): string => DICTIONARIES[lang][key] ?? DICTIONARIES['zh-CN'][key] ?? key;

/** Reactive: reads the locale signal, so a view re-renders on a language switch. */
export const t = (key: MessageKey, params?: Params): string => interpolate(lookup(locale(), key), params);

/** The same lookup in a given language (tests, notices printed in both). */
export const tIn = (lang: Language, key: MessageKey, params?: Params): string => interpolate(lookup(lang, key), params);
