import { createSignal, type Accessor } from 'solid-js';

/**
 * A chunk a screen draws only after its first paint, or when asked for (a drill-down, an
 * export): loaded once, in sight as a signal (undefined until it is in). Unlike `lazy`, nothing
 * suspends: what the screen shows meanwhile stays as it is. A failed load is tried again on the
 * next call.
 */
export interface OnDemand<M> {
  readonly module: Accessor<M | undefined>;
  readonly load: () => Promise<M | undefined>;
}

export function onDemand<M>(importer: () => Promise<M>): OnDemand<M> {
  const [module, setModule] = createSignal<M>();
  let loading: Promise<M | undefined> | undefined;
  const load = (): Promise<M | undefined> =>
    (loading ??= importer().then(
      (m) => (setModule(() => m), m),
      () => (loading = undefined),
    ));
  return { module, load };
}
