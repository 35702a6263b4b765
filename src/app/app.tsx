import { Route, Router } from '@solidjs/router';
import { lazy, type Component } from 'solid-js';
import { Shell } from './shell';
import { AppStateProvider } from './state/app-state';

/**
 * Routes. Every screen is a lazy chunk: the shell paints first (budget P2) and the service
 * worker precaches the chunks, so they load offline too.
 */
const HomeScreen = lazy(() => import('./screens/home/home').then((m) => ({ default: m.HomeScreen })));
const DeviceScreen = lazy(() => import('./screens/device-setup/device-setup').then((m) => ({ default: m.DeviceSetupScreen })));
const FairListScreen = lazy(() => import('./screens/fair-list/fair-list').then((m) => ({ default: m.FairListScreen })));
const FairSetupScreen = lazy(() => import('./screens/fair-setup/fair-setup').then((m) => ({ default: m.FairSetupScreen })));
const ExhibitorsScreen = lazy(() => import('./screens/exhibitors/exhibitors').then((m) => ({ default: m.ExhibitorsScreen })));
const ExhibitorEditScreen = lazy(() => import('./screens/exhibitor-edit/exhibitor-edit').then((m) => ({ default: m.ExhibitorEditScreen })));
const ExhibitorImportScreen = lazy(() => import('./screens/exhibitor-import/exhibitor-import').then((m) => ({ default: m.ExhibitorImportScreen })));
const StorageScreen = lazy(() => import('./screens/storage/storage').then((m) => ({ default: m.StorageScreen })));

export const App: Component = () => (
  <AppStateProvider>
    <Router root={Shell}>
      <Route path="/" component={HomeScreen} />
      <Route path="/device" component={DeviceScreen} />
      <Route path="/fairs" component={FairListScreen} />
      <Route path="/fairs/new" component={FairSetupScreen} />
      <Route path="/fairs/:id" component={FairSetupScreen} />
      <Route path="/exhibitors" component={ExhibitorsScreen} />
      <Route path="/exhibitors/new" component={ExhibitorEditScreen} />
      <Route path="/exhibitors/import" component={ExhibitorImportScreen} />
      <Route path="/exhibitors/:id" component={ExhibitorEditScreen} />
      <Route path="/storage" component={StorageScreen} />
      <Route path="*" component={HomeScreen} />
    </Router>
  </AppStateProvider>
);
