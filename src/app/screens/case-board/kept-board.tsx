import { useLocation } from '@solidjs/router';
import { createEffect, createMemo, createSignal, lazy, onCleanup, Show, Suspense, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { whenIdle } from '../../lib/frames';
import { useSession } from '../../session/session';
import { useAppState } from '../../state/app-state';

const CaseBoardScreen = lazy(() => import('./case-board').then((m) => ({ default: m.CaseBoardScreen })));

/** Where the board is: the route `/board` shows the kept board (below) and renders nothing itself. */
export const BOARD_PATH = '/board';

/** The `/board` route's own content: none (the shell's kept board is shown at this path). */
export const BoardPlace = (): JSX.Element => null;

/**
 * How long the desk may stay busy before the board is prepared anyway: idle time comes within a
 * second or two of a sign-in on a tablet at rest; this only bounds a page that is never idle.
 */
const PREPARE_WITHIN_MS = 10_000;

/**
 * The case board, kept mounted (P3, and what a desk expects: back from a case, the board is as it
 * was left, filters, order and scroll included). Elsewhere it is hidden with
 * `content-visibility: hidden`, which keeps its style and layout: opening it again paints it
 * without building or laying it out anew. Hidden, it is out of the focus order, the
 * accessibility tree and find-in-page, its box takes no clicks, and its rows' second clock stops.
 *
 * It is prepared before its first opening: once someone is signed in on a device with a fair,
 * the first idle time loads its code and builds and lays it out under `visibility: hidden` (laid
 * out, never drawn, no clicks, no focus, not read out), then hides it like a board left; so the
 * first opening of the day is as quick as any later one. A sign-out drops it (the board is per
 * user), and the next sign-in prepares it again.
 */
export function KeptBoard(): JSX.Element {
  const location = useLocation();
  const session = useSession();
  const app = useAppState();
  const shown = createMemo(() => location.pathname === BOARD_PATH);
  const fairId = createMemo(() => app.device()?.fairId);
  const [prepare, setPrepare] = createSignal(false);
  createEffect(() => {
    setPrepare(false);
    if (session.user() === undefined || fairId() === undefined) return;
    onCleanup(whenIdle(() => setPrepare(true), PREPARE_WITHIN_MS));
  });
  const kept = createMemo<boolean>((was) => shown() || (session.user() !== undefined && (was || prepare())), false);
  return (
    <Show when={kept()}>
      <KeptBox shown={shown()} />
    </Show>
  );
}

/** The board's box: being prepared (laid out, unseen), shown, or hidden once laid out. */
function KeptBox(props: { readonly shown: boolean }): JSX.Element {
  const [laidOut, setLaidOut] = createSignal(false);
  return (
    <div class="kept-board" classList={{ preparing: !props.shown && !laidOut(), hidden: !props.shown && laidOut() }} data-testid="kept-board" data-laid-out={String(laidOut())}>
      <Suspense fallback={<p class="muted">{t('common.loading')}</p>}>
        <CaseBoardScreen shown={props.shown} onPainted={() => setLaidOut(true)} />
      </Suspense>
    </div>
  );
}
