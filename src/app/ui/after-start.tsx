import { createSignal, onMount, Show, type JSX } from 'solid-js';
import { whenIdle } from '../lib/frames';

/** The longest a part waits for idle time after the start (a start that is never idle). */
const WITHIN_MS = 500;

/**
 * Parts the user does not need for the shell to be interactive (budget P2): the system ticker,
 * the sync loop, the sync reminder and first-sync bar, the rail's overdue badge. Each is a lazy
 * chunk whose import the first render would start (module loading, its CSS links) in the middle
 * of the start; they all wait for data the store loads after the first render anyway, so they
 * are mounted in the first idle time after it instead, and nothing shown changes meanwhile.
 */
export function AfterStart(props: { readonly children: JSX.Element }): JSX.Element {
  const [ready, setReady] = createSignal(false);
  onMount(() => void whenIdle(() => setReady(true), WITHIN_MS));
  return <Show when={ready()}>{props.children}</Show>;
}
