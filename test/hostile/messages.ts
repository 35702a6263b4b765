/**
 * The app's dictionaries, installed as the desk installs them before its first render
 * (`src/app/i18n/desk-messages.ts`, where the build has it; older builds carry them in
 * `i18n/index.ts` itself). A glob, so this file compiles either way.
 */
import.meta.glob('../../src/app/i18n/desk-messages.ts', { eager: true });

export { isMessageKey, tIn } from '../../src/app/i18n/index';
