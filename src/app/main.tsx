import './zod-csp';
import { render } from 'solid-js/web';
import { App } from './app';
import { listenForPageHide } from './drafts/registry';
import { registerServiceWorker } from './pwa/register';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
listenForPageHide();
// Issue 8 §1: `/p/` is the public phone entry, its own lazy chunk: no desk shell, no desk data.
if (/^\/p(\/|$)/.test(location.pathname)) void import('./phone/phone-main').then((m) => m.mountPhone(root));
else render(() => <App />, root);
void registerServiceWorker();
