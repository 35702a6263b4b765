import { addMessages } from './index';
import * as desk from './desk-dictionary';

/**
 * Every dictionary of the desk app, side by side (`desk-dictionary.ts` lists them), installed on
 * import: for tests and tools that run the sources. The desk's start installs the same messages
 * one language at a time, as the build picks them out (`desk-languages.ts`).
 */
export const DESK_MESSAGES = Object.values(desk);
for (const messages of DESK_MESSAGES) addMessages(messages);
