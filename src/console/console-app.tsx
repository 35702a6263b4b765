import '../app/zod-csp';
import { render } from 'solid-js/web';
import { Navigate, Router, type RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { locale } from '../app/i18n/index';
import { loadLanguage } from './lib/i18n';
import { readSession } from './lib/session';
import { Shell } from './shell';
import './console.css';

/**
 * The organizer's console at `/console/`, loaded by its entry (main.tsx): online only (no service
 * worker, no IndexedDB), one lazy chunk per area. The first paint waits for the session read
 * (started by the entry) and the language's base dictionary, both small.
 */
const routes: RouteDefinition[] = [
  { path: '/', component: () => <Navigate href="/fairs" /> },
  { path: '/sign-in', component: lazy(() => import('./screens/sign-in/sign-in')) },
  { path: '/account', component: lazy(() => import('./screens/account/account')) },
  { path: '/fairs', component: lazy(() => import('./screens/fairs/fairs')) },
  { path: '/fairs/new', component: lazy(() => import('./screens/fairs/fair-edit')) },
  { path: '/fairs/:fairId/edit', component: lazy(() => import('./screens/fairs/fair-edit')) },
  { path: '/fairs/:fairId/tablets', component: lazy(() => import('./screens/tablets/tablets')) },
  { path: '/fairs/:fairId/cases', component: lazy(() => import('./screens/cases/cases')) },
  { path: '/fairs/:fairId/cases/:caseId', component: lazy(() => import('./screens/cases/case-view')) },
  { path: '/fairs/:fairId/cases/:caseId/notice/:kind', component: lazy(() => import('./screens/cases/case-notice')) },
  { path: '/enrol', component: lazy(() => import('./screens/enrol/enrol')) },
  { path: '/people', component: lazy(() => import('./screens/people/people')) },
  { path: '/audit', component: lazy(() => import('./screens/audit/audit')) },
  { path: '/summary', component: lazy(() => import('./screens/summary/pick-fair')) },
  { path: '/fairs/:fairId/summary', component: lazy(() => import('./screens/summary/summary')) },
  { path: '/bundles', component: lazy(() => import('./screens/bundles/bundles')) },
  { path: '/review', component: lazy(() => import('./screens/review/review')) },
  { path: '/exhibitors', component: lazy(() => import('./screens/exhibitors/exhibitors')) },
  { path: '/annual', component: lazy(() => import('./screens/annual/annual')) },
  { path: '*', component: () => <Navigate href="/fairs" /> },
];

const root = document.getElementById('root');
if (root === null) throw new Error('console/index.html has no #root');
await Promise.all([loadLanguage(locale()), readSession()]);
render(() => <Router base="/console" root={Shell}>{routes}</Router>, root);
