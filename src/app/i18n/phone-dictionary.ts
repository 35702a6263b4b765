/**
 * Every messages file the public phone form says: the base share, the phone's own words, the
 * party and right labels it shares with the desk's intake, and its clause words. Loaded one
 * language at a time (`phone-messages.ts`); data only, so the build can pick one language out.
 */
export * from './base-dictionary';
export { phoneMessages } from '../phone/phone.messages';
export { partyMessages } from '../screens/complaint-intake/parties.messages';
export { phoneClauseMessages } from '../ui/fair-settings/clause-messages';
