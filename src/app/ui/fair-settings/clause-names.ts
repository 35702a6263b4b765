import { isCustomTemplate, type TemplateVersion } from '../../../domain/commitment-templates';
import type { Language } from '../../../domain/codes';
import { tIn } from '../../i18n/index';

/** A template id as people read it (CM10): "Standard clauses (v2)", "Organizer's clauses (revision 3)". */
export function templateName(version: TemplateVersion, lang: Language): string {
  if (isCustomTemplate(version)) return tIn(lang, 'clauses.template.custom', { n: version.slice('custom-'.length) });
  return tIn(lang, version === 'v1' ? 'clauses.template.v1' : 'clauses.template.v2');
}
