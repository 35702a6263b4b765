import { inject } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../support/postgres';
import { storageContract } from './storage-contract';

// The same contract, on both databases FairCase runs on.
storageContract({ name: 'pglite', fresh: async () => ({ dataDir: join(mkdtempSync(join(tmpdir(), 'faircase-pglite-')), 'pglite') }) });
storageContract({ name: 'postgres', fresh: async () => ({ databaseUrl: await createDatabase(inject('databaseUrl')) }) });
