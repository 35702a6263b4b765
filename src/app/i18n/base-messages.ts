import * as base from './base-dictionary';

/** The base share (`base-dictionary.ts`) as a list, for the desk, which installs it with the rest. */
export const BASE_MESSAGES = [
  base.codeMessages, base.shellMessages, base.fairSettingsMessages, base.homeMessages, base.deviceMessages, base.fairListMessages, base.exhibitorSearchMessages,
  base.exhibitorEditMessages, base.exhibitorImportMessages, base.storageMessages,
] as const;
