/**
 * The store's public module for the other layers' sync code: named actions and reads, one
 * transaction each. Dexie, transactions and the local log stay behind it (README.md; the lint
 * config in test/lint/eslint.config.js lets src/sync import this module only). Screens' data
 * files import the owning file of what they read (no barrel, so a screen's chunk carries only its part of the store).
 */

export { ALL_APPLIERS, FAIR_APPLIERS, caseEventApplier, deviceCodeApplier, exhibitorApplier, fairApplier, recordApplier, type PullApplier } from './appliers';
export { blobsOf, importBundleContents, ownEvidenceShas, type BundleApplied, type BundleContents } from './bundle-files';
export { adoptDeviceCode, knownCodes, reportedCodes, saveReportedCodes } from './device-codes';
export { deviceKeyPair } from './device-key';
export { loadDevice } from './device';
export { heldBatch, heldRanges, readRelayState, saveRelayState, type RelayState } from './held-items';
export { loadLogState, type LogState } from './local-log';
export { acknowledgePush, outboxBatch, outboxInSeqOrder, unsyncedCount, type PushAcknowledgement } from './outbox';
export { checkAhead } from './pull-parse';
export { applyPulledPage, newPullRun, restartPull, type PageContext, type PageOutcome, type PullRun } from './pull-page';
export type { StoreResult, StorageError } from './result';
export { applySnapshotPage, dropSnapshotMark, readSnapshotMark, type SnapshotMark } from './snapshot-page';
export {
  changeSyncState,
  loadCredentials,
  readSyncState,
  saveCredentials,
  type ClockReading,
  type ItemProblem,
  type SyncCredentials,
  type SyncState,
} from './sync-state';
