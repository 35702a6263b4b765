import type { Language } from '../../domain/codes';
import { addMessages } from './index';
import { inLanguage } from './paired';

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
    const [{ en }, { phoneEn, phoneIntakeEn }, { phoneClauseMessages }] = await Promise.all([import('./en'), import('./phone-en'), import('../ui/fair-settings/clause-messages')]);
    addMessages('en', { ...en, ...phoneIntakeEn, ...phoneEn, ...inLanguage(phoneClauseMessages, 'en') });
  } else {
    const [{ zh }, { phoneZh, phoneIntakeZh }, { phoneClauseMessages }] = await Promise.all([import('./zh'), import('./phone-zh'), import('../ui/fair-settings/clause-messages')]);
    addMessages('zh-CN', { ...zh, ...phoneIntakeZh, ...phoneZh, ...inLanguage(phoneClauseMessages, 'zh-CN') });
  }
  loaded.add(lang);
}
