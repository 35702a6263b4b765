import { addMessages } from './index';
import { codeMessages } from './codes.messages';
import { shellMessages } from '../shell.messages';
import { fairSettingsMessages } from '../ui/fair-settings/fair-settings.messages';
import { homeMessages } from '../screens/home/home.messages';
import { deviceMessages } from '../screens/device-setup/device-setup.messages';
import { fairListMessages } from '../screens/fair-list/fair-list.messages';
import { exhibitorSearchMessages } from '../screens/exhibitors/exhibitors.messages';
import { exhibitorEditMessages } from '../screens/exhibitor-edit/exhibitor-edit.messages';
import { exhibitorImportMessages } from '../screens/exhibitor-import/exhibitor-import.messages';
import { storageMessages } from '../screens/storage/storage.messages';

/**
 * The share of the messages that the phone form and the console install besides their own: the
 * domain's codes (field errors, code labels), the fair's settings, and the shell's and the
 * exhibitor screens' words that the shared form pieces say. Importing this file installs them.
 */
export const BASE_MESSAGES = [codeMessages, shellMessages, fairSettingsMessages, homeMessages, deviceMessages, fairListMessages, exhibitorSearchMessages, exhibitorEditMessages, exhibitorImportMessages, storageMessages] as const;
for (const messages of BASE_MESSAGES) addMessages(messages);
