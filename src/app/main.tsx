import { render } from 'solid-js/web';
import { App } from './app';
import { listenForPageHide } from './drafts/registry';
import { registerServiceWorker } from './pwa/register';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
listenForPageHide();
render(() => <App />, root);
void registerServiceWorker();
