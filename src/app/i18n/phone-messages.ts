import type { Language } from '../../domain/codes';
import { addMessages } from './index';

/**
 * The public phone form's dictionaries, one language at a time: the base (field-error
 * messages, IP types, rights' statuses), the phone's own strings and its copies of the intake's
 * party and right labels. The phone never downloads a desk dictionary, nor the language it does
 * not show; a switch loads the other one first (it loads over a mobile connection).
 */
const loaded = new Set<Language>();

export async function loadPhoneLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  if (lang === 'en') {
    const [{ en }, { phoneEn, phoneIntakeEn }] = await Promise.all([import('./en'), import('./phone-en')]);
    addMessages('en', { ...en, ...phoneIntakeEn, ...phoneEn });
  } else {
    const [{ zh }, { phoneZh, phoneIntakeZh }] = await Promise.all([import('./zh'), import('./phone-zh')]);
    addMessages('zh-CN', { ...zh, ...phoneIntakeZh, ...phoneZh });
  }
  loaded.add(lang);
}
