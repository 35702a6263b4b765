import { useLocation } from '@solidjs/router';
import { createMemo, lazy, Show, Suspense, type JSX } from 'solid-js';
import { t } from '../../i18n/index';
import { useSession } from '../../session/session';

const CaseBoardScreen = lazy(() => import('./case-board').then((m) => ({ default: m.CaseBoardScreen })));

/** Where the board is: the route `/board` shows the kept board (below) and renders nothing itself. */
export const BOARD_PATH = '/board';

/** The `/board` route's own content: none (the shell's kept board is shown at this path). */
export const BoardPlace = (): JSX.Element => null;

/**
 * The case board, kept mounted once opened (P3, and what a desk expects: back from a case, the
 * board is as it was left, filters, order and scroll included). Elsewhere it is hidden with
 * `content-visibility: hidden`, which keeps its style and layout: opening it again paints it
 * without building or laying it out anew. Hidden, it is out of the focus order, the
 * accessibility tree and find-in-page, its box takes no clicks, and its rows' second clock stops.
 * A sign-out while it is hidden drops it.
 */
export function KeptBoard(): JSX.Element {
  const location = useLocation();
  const session = useSession();
  const shown = createMemo(() => location.pathname === BOARD_PATH);
  // Kept from its first opening while someone is signed in: a sign-out elsewhere drops it (the
  // board is per user), and the next opening builds it afresh.
  const kept = createMemo<boolean>((was) => shown() || (was && session.user() !== undefined), false);
  return (
    <Show when={kept()}>
      <div class="kept-board" classList={{ hidden: !shown() }} data-testid="kept-board">
        <Suspense fallback={<p class="muted">{t('common.loading')}</p>}>
          <CaseBoardScreen shown={shown()} />
        </Suspense>
      </div>
    </Show>
  );
}
