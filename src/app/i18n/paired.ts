import type { Language } from '../../domain/codes';

/**
 * Messages written beside their screen, both languages on adjacent lines (STYLE.md), so a string
 * cannot be added in one language and forgotten in the other.
 */
export type PairedMessages = Readonly<Record<string, Readonly<Record<Language, string>>>>;

/** One language's dictionary of paired messages, for `addMessages`. */
export function inLanguage<M extends PairedMessages>(messages: M, lang: Language): Record<keyof M & string, string> {
  const out: Record<string, string> = {};
  for (const [key, texts] of Object.entries(messages)) out[key] = texts[lang];
  return out as Record<keyof M & string, string>;
}
