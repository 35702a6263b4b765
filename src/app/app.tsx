import { Route, Router } from '@solidjs/router';
import { lazy, type Component } from 'solid-js';
import { Shell } from './shell';
import { AppStateProvider } from './state/app-state';
import { SessionProvider } from './session/session';
import { BoardPlace } from './screens/case-board/kept-board';
import { AfterStart } from './ui/after-start';

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
const ComplaintIntakeScreen = lazy(() => import('./screens/complaint-intake/complaint-intake').then((m) => ({ default: m.ComplaintIntakeScreen })));
const CaseDetailScreen = lazy(() => import('./screens/case-detail/case-detail').then((m) => ({ default: m.CaseDetailScreen })));
const NoticeScreen = lazy(() => import('./screens/notices/notices').then((m) => ({ default: m.NoticeScreen })));
/** The system actor's ticker (CS16, CS26), lazily: the shell paints without the domain code. */
const SystemTicker = lazy(() => import('./system/ticker-host').then((m) => ({ default: m.SystemTicker })));
const SignInScreen = lazy(() => import('./screens/sign-in/sign-in').then((m) => ({ default: m.SignInScreen })));
const UsersScreen = lazy(() => import('./screens/users/users').then((m) => ({ default: m.UsersScreen })));
const CommitmentCoverageScreen = lazy(() => import('./screens/commitment-coverage/commitment-coverage').then((m) => ({ default: m.CommitmentCoverageScreen })));
const CommitmentSignScreen = lazy(() => import('./screens/commitment-sign/commitment-sign').then((m) => ({ default: m.CommitmentSignScreen })));
const CommitmentPrintScreen = lazy(() => import('./screens/commitment-print/commitment-print').then((m) => ({ default: m.CommitmentPrintScreen })));
const ConsultationsScreen = lazy(() => import('./screens/consultations/consultations').then((m) => ({ default: m.ConsultationsScreen })));
const SummaryScreen = lazy(() => import('./screens/summary/summary').then((m) => ({ default: m.SummaryScreen })));
/** The phone hand-off at the desk: shows the phone link, scans the phone's animated QR (QR-SPEC.md). */
const QrHandoffScreen = lazy(() => import('./screens/qr-handoff/qr-handoff').then((m) => ({ default: m.QrHandoffScreen })));
/** Sync (enrolment, status; src/sync/SPEC.md) and the review of cases two tablets forked (CS5). */
const SyncScreen = lazy(() => import('./screens/sync/sync').then((m) => ({ default: m.SyncScreen })));
const ConflictsScreen = lazy(() => import('./screens/conflicts/conflicts').then((m) => ({ default: m.ConflictsScreen })));
const ConflictReviewScreen = lazy(() => import('./screens/conflicts/conflict-review').then((m) => ({ default: m.ConflictReviewScreen })));
/** The sync loop, lazily: the shell paints without the sync code (P2). */
const SyncHost = lazy(() => import('./sync/sync-host').then((m) => ({ default: m.SyncHost })));

export const App: Component = () => (
  <AppStateProvider>
    <AfterStart>
      <SystemTicker />
      <SyncHost />
    </AfterStart>
    <SessionProvider>
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
      <Route path="/complaints/new" component={ComplaintIntakeScreen} />
      <Route path="/cases/:id/notice/:kind" component={NoticeScreen} />
      <Route path="/cases/:id" component={CaseDetailScreen} />
      <Route path="/sign-in" component={SignInScreen} />
      <Route path="/users" component={UsersScreen} />
      {/* P3: the board itself is kept mounted by the shell, shown at this path (kept-board.tsx's BOARD_PATH). */}
      <Route path="/board" component={BoardPlace} />
      <Route path="/commitments" component={CommitmentCoverageScreen} />
      <Route path="/commitments/sign/:exhibitorId?" component={CommitmentSignScreen} />
      <Route path="/commitments/print/:id" component={CommitmentPrintScreen} />
      <Route path="/consultations" component={ConsultationsScreen} />
      <Route path="/summary" component={SummaryScreen} />
      <Route path="/handoff" component={QrHandoffScreen} />
      <Route path="/sync" component={SyncScreen} />
      <Route path="/conflicts" component={ConflictsScreen} />
      <Route path="/conflicts/:id" component={ConflictReviewScreen} />
      <Route path="*" component={HomeScreen} />
    </Router>
    </SessionProvider>
  </AppStateProvider>
);
