/**
 * Reads the console's entry starts before the rest of its code loads (main.tsx): the session, and
 * the first reply of the page opened, so the server works while the browser loads and evaluates
 * the console. `request` (api.ts) takes each once, for the same GET path; nothing here imports
 * zod or Solid, so the entry stays small.
 */
const started = new Map<string, Promise<Response>>();

export function startEarly(path: string): void {
  const reply = fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  // A network failure is taken as none started (api.ts asks again), never an unhandled rejection.
  reply.catch(() => undefined);
  started.set(path, reply);
}

/** The reply started early for this path, once; undefined when none was. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const reply = started.get(path);
  started.delete(path);
  return reply;
}
