/**
 * Every messages file the public phone form says: the domain's codes (field errors, code
 * labels), the shell's common words, the phone's own words, the party and right labels it shares
 * with the desk's intake, and its clause words. Not the base share of the desk's setup screens
 * (fair settings, home, storage, exhibitors), which no phone screen shows: the phone loads over a
 * mobile connection. Loaded one language at a time (`phone-messages.ts`); data only, so the build
 * can pick one language out.
 */
export { codeMessages } from './codes.messages';
export { shellMessages } from '../shell.messages';
export { phoneMessages } from '../phone/phone.messages';
export { partyMessages } from '../screens/complaint-intake/parties.messages';
export { phoneClauseMessages } from '../ui/fair-settings/clause-messages';
