import type { Language } from '../../domain/codes';

/**
 * Messages written beside their screen, both languages of a key on one line, so a
 * string cannot be added in one language and forgotten in the other: the desk's, the phone's and
 * the console's one format.
 */
export type PairedMessages = Readonly<Record<string, Readonly<Record<Language, string>>>>;
