/** Where the console's API lives (src/server/CONSOLE-SPEC.md); no zod here, the console's entry imports it. */
export const CONSOLE_PREFIX = '/api/console';
