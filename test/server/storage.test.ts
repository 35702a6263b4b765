import { freshDatabase } from './both-storages';
import { storageContract } from './storage-contract';

// The same contract, on both databases FairCase runs on. PGlite in a folder: the contract
// closes and reopens it, as a restarted server does.
storageContract({ name: 'pglite', fresh: async () => (await freshDatabase('PGlite', 'folder')).config });
storageContract({ name: 'postgres', fresh: async () => (await freshDatabase('PostgreSQL')).config });
