import type { deskAEn, deskAZh } from './desk-a';
import type { phoneIntakeEn } from './phone-en';
import type { phoneIntakeZh } from './phone-zh';

/**
 * Strings of the phone filing: the public phone form at `/p/` and the desk's QR
 * hand-off screen, one module per language (`phone-zh.ts`, `phone-en.ts`) so that the phone
 * entry downloads only the language it shows.
 */
export { phoneIntakeZh, phoneZh } from './phone-zh';
export { phoneEn, phoneIntakeEn } from './phone-en';

/** Keys whose phone copy differs from the desk intake's string (or that the desk lacks). */
type Drift<Copy, Desk> = { [K in keyof Copy]: K extends keyof Desk ? (Copy[K] extends Desk[K] ? never : K) : K }[keyof Copy];
type Drifted = Drift<typeof phoneIntakeZh, typeof deskAZh> | Drift<typeof phoneIntakeEn, typeof deskAEn>;
/** Compile-time proof that the phone's copies of the intake labels equal desk-a's: a change there names the key here. */
export const INTAKE_COPIES_MATCH: [Drifted] extends [never] ? true : Drifted = true;
