/**
 * Every messages file the public phone form says: the base share (as `base-messages.ts`: the
 * domain's codes, the shell's and the shared form pieces' words), the phone's own words, the party
 * and right labels it shares with the desk's intake, and its clause words. Loaded one language at
 * a time (`phone-messages.ts`); data only, so the build can pick one language out of it.
 */
export { codeMessages } from './codes.messages';
export { shellMessages } from '../shell.messages';
export { fairSettingsMessages } from '../ui/fair-settings/fair-settings.messages';
export { homeMessages } from '../screens/home/home.messages';
export { deviceMessages } from '../screens/device-setup/device-setup.messages';
export { fairListMessages } from '../screens/fair-list/fair-list.messages';
export { exhibitorSearchMessages } from '../screens/exhibitors/exhibitors.messages';
export { exhibitorEditMessages } from '../screens/exhibitor-edit/exhibitor-edit.messages';
export { exhibitorImportMessages } from '../screens/exhibitor-import/exhibitor-import.messages';
export { storageMessages } from '../screens/storage/storage.messages';
export { phoneMessages } from '../phone/phone.messages';
export { partyMessages } from '../screens/complaint-intake/parties.messages';
export { phoneClauseMessages } from '../ui/fair-settings/clause-messages';
