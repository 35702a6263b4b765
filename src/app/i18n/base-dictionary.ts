/**
 * The base share of the messages, which the phone form and the console install besides their
 * own: the domain's codes (field errors, code labels), the fair's settings, and the shell's and
 * the exhibitor screens' words that the shared form pieces say. Data only (re-exports), so the
 * build can pick one language out of it (`?lang=`, vite.config.ts).
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
