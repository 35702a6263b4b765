import './zod-csp';
import { render } from 'solid-js/web';
import { listenForPageHide } from './drafts/registry';
import { registerServiceWorker } from './pwa/register';
import { whenIdle } from './lib/frames';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
listenForPageHide();
// `/p/` is the public phone entry (PI10), its own lazy chunk with its own dictionaries: no
// desk shell, no desk data, no desk strings. The desk app is a lazy chunk too, so the phone's
// first load never downloads it; both are precached, so either opens offline.
if (/^\/p(\/|$)/.test(location.pathname)) {
  const messages = import('./i18n/phone-messages').then(async (m) => m.loadPhoneLanguage((await import('./i18n/index')).locale()));
  void import('./phone/phone-main').then(async (m) => {
    await messages;
    m.mountPhone(root);
  });
} else {
  const messages = import('./i18n/desk-languages');
  void import('./app').then(async ({ App }) => {
    await messages;
    render(() => <App />, root);
  });
}
// Registered in the first idle time (P2: workbox-window is no part of the start); the worker
// already controls every start after the first, and the first install only waits a moment more.
whenIdle(() => void registerServiceWorker());
