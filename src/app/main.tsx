import './zod-csp';
import { render } from 'solid-js/web';
import { listenForPageHide } from './drafts/registry';
import { registerServiceWorker } from './pwa/register';
import { whenIdle } from './lib/frames';
import './styles.css';

/**
 * The service worker is registered in the first idle time after the first render (P2:
 * workbox-window and its chunks are no part of the start: an idle moment while the start waits for
 * its chunks ran them before the shell was interactive). The worker already controls every start
 * after the first, and the first install only waits a moment more. Also after a failed start, so
 * a broken build can still be updated.
 */
const registerLater = (): void => void whenIdle(() => void registerServiceWorker());

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
listenForPageHide();
// `/p/` is the public phone entry (PI10), its own lazy chunk with its own dictionaries: no
// desk shell, no desk data, no desk strings. The desk app is a lazy chunk too, so the phone's
// first load never downloads it; both are precached, so either opens offline.
if (/^\/p(\/|$)/.test(location.pathname)) {
  const messages = import('./i18n/phone-messages').then(async (m) => m.loadPhoneLanguage((await import('./i18n/index')).locale()));
  void import('./phone/phone-main')
    .then(async (m) => {
      await messages;
      m.mountPhone(root);
    })
    .finally(registerLater);
} else {
  const messages = import('./i18n/desk-languages');
  void import('./app')
    .then(async ({ App }) => {
      await messages;
      render(() => <App />, root);
    })
    .finally(registerLater);
}
