import type { Language } from '../../domain/codes';
import { addLanguage } from './index';

/**
 * The public phone form's dictionaries (`phone-dictionary.ts`), one language at a time: the phone
 * never downloads a desk screen's dictionary, nor the language it does not show; a switch loads
 * the other one first (it loads over a mobile connection). The build picks one language out of
 * the side-by-side sources (`?lang=`, vite.config.ts).
 */
const loaded = new Set<Language>();

export async function loadPhoneLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  const { default: messages } = await (lang === 'en' ? import('./phone-dictionary?lang=en') : import('./phone-dictionary?lang=zh-CN'));
  addLanguage(lang, messages);
  loaded.add(lang);
}
