import { onCleanup } from 'solid-js';

/**
 * Public (visitor) forms reset after `fair.settings.publicFormIdleSeconds` without input
 * (FS18), so the next visitor never sees the last one's data; the caller parks the draft
 * so the desk can still recover it.
 */
export function createIdleReset(seconds: () => number, onIdle: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(onIdle, seconds() * 1000);
  };
  const events = ['pointerdown', 'keydown', 'input'] as const;
  for (const e of events) document.addEventListener(e, arm, { capture: true, passive: true });
  arm();
  onCleanup(() => {
    if (timer !== undefined) clearTimeout(timer);
    for (const e of events) document.removeEventListener(e, arm, { capture: true });
  });
}
