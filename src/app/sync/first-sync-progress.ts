import { createSignal } from 'solid-js';
import type { SyncProgress } from '../../sync/first-sync';

/** SY87: how far this tablet's first sync is, set by the sync loop, read by the progress bars. */
const [progress, setProgress] = createSignal<SyncProgress>();
export { progress as firstSyncProgress, setProgress as setFirstSyncProgress };
