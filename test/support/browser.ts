/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser. The flags keep it
 * quiet on a machine with no network beyond the registries.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { CHROMIUM } from './ensure-system';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
] as const;

export function launchChromium(extra: Partial<LaunchOptions> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...extra,
    args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
  });
}

/** A 10-inch tablet in landscape, the kiosk's size. */
export const TABLET_VIEWPORT = { width: 1280, height: 800 } as const;
/** A common phone, for the public phone pages. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
