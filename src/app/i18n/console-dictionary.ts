/**
 * The app's messages the organizer's console installs for its own screens and the app's widgets
 * it shows: the base share, the forms' words and the people's (roles, PINs). Loaded one language
 * at a time (src/console/lib/i18n.ts); data only, so the build can pick one language out.
 */
export * from './base-dictionary';
export { formMessages } from '../ui/form.messages';
export { usersMessages } from '../screens/users/users.messages';
