import { startEarly } from './lib/early';
import { annualPath, firstQuery, onAnnualPage } from './screens/annual/annual-path';
import { CONSOLE_PREFIX } from '../domain/wire/console-prefix';

/**
 * The console's entry: a few lines that import neither zod nor Solid, so the session read and,
 * opened at /annual, the page's first roll-up leave at once, and the server works while the
 * browser loads the console (console-app.tsx) and the page's chunk side by side. `request`
 * takes those replies (lib/early.ts).
 */
startEarly(`${CONSOLE_PREFIX}/session`);
if (onAnnualPage()) {
  const q = firstQuery();
  startEarly(annualPath(q.from, q.to, q.thresholds));
  void import('./screens/annual/annual');
}
void import('./console-app');
// The shell renders once the language's dictionary is in (console-app.tsx); asked for here, it
// loads beside the shell's code instead of after it. The shell's own call takes the same module,
// and reports a failure itself.
void import('./lib/i18n').then(({ loadLanguage, locale }) => loadLanguage(locale())).catch(() => undefined);
