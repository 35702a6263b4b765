import type { BundleErrorCode } from '../../domain/wire/bundle';
import type { BuildErrorCode } from '../../sync/bundle/build-bundle';
import { addMessages, t } from './index';
import { bundleMessages } from '../screens/sync/bundle.messages';

/**
 * The bundle's refusals in words (BUNDLE-SPEC.md BN12), for the desk's sync screen and the
 * console's upload; importing this installs the bundle's messages, which the console's upload
 * needs and the desk already has.
 */
addMessages(bundleMessages);

export type BundleMessageKey = keyof typeof bundleMessages;

/** Compile-time: every refusal of the domain and the builder has a message (BN12). */
type Missing = Exclude<`bundle.error.${BundleErrorCode | BuildErrorCode}`, BundleMessageKey>;
export const EVERY_BUNDLE_CODE_HAS_A_MESSAGE: [Missing] extends [never] ? true : Missing = true;

/** A refusal code in the user's language: a bundle code, else the code named. */
export function bundleErrorText(error: { readonly code: string; readonly params?: Readonly<Record<string, string | number | boolean>> }): string {
  const key = `bundle.error.${error.code}`;
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
  return Object.hasOwn(bundleMessages, key) ? t(key as BundleMessageKey, params) : t('bundle.error.other', { code: error.code });
}
