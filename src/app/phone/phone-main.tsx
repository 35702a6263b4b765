import { render } from 'solid-js/web';
import { PhoneApp } from './phone-app';

/** Mounts the phone entry instead of the desk app: `main.tsx` loads this chunk for `/p/`. */
export function mountPhone(root: HTMLElement): void {
  render(() => <PhoneApp />, root);
}
