import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The store's seal as the lint config states it (eslint.config.js): each boundary refuses a
 * wrong import and lets the right one through. Each case lints one line of source as if it were
 * the named file, with the project's own config.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: fileURLToPath(new URL('./eslint.config.js', import.meta.url)) });

/** The import paths the boundary rule refuses in `source`, as if it were `filePath`. */
async function refused(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: readonly { readonly boundary: string; readonly file: string; readonly wrong: string; readonly right: string }[] = [
  {
    boundary: 'sync imports the store only through its public module',
    file: 'src/sync/probe.ts',
    wrong: "import { getDb } from '../store/db';\nexport const probe = getDb;\n",
    right: "import { readSyncState } from '../store';\nexport const probe = readSyncState;\n",
  },
  {
    boundary: 'sync in a subfolder: the same',
    file: 'src/sync/bundle/probe.ts',
    wrong: "import { runWrite } from '../../store/transaction';\nexport const probe = runWrite;\n",
    right: "import { importBundleContents } from '../../store';\nexport const probe = importBundleContents;\n",
  },
  {
    boundary: 'sync does not import dexie',
    file: 'src/sync/probe.ts',
    wrong: "import { Dexie } from 'dexie';\nexport const probe = Dexie;\n",
    right: "import { PROTOCOL_VERSION } from '../domain/wire/protocol';\nexport const probe = PROTOCOL_VERSION;\n",
  },
  {
    boundary: 'the app imports dexie only in its live-query adapter',
    file: 'src/app/state/probe.ts',
    wrong: "import { liveQuery } from 'dexie';\nexport const probe = liveQuery;\n",
    right: "import { unsyncedCount } from '../../store/outbox';\nexport const probe = unsyncedCount;\n",
  },
  {
    boundary: 'the app never imports the store\'s transaction plumbing',
    file: 'src/app/state/probe.ts',
    wrong: "import { runWrite } from '../../store/transaction';\nexport const probe = runWrite;\n",
    right: "import { watchConnection } from '../../store/connection';\nexport const probe = watchConnection;\n",
  },
  {
    boundary: 'a screen view does not import the store; its .data.ts does',
    file: 'src/app/screens/probe/probe.tsx',
    wrong: "import { listUsers } from '../../../store/users';\nexport const probe = listUsers;\n",
    right: "import { listUsers } from './probe.data';\nexport const probe = listUsers;\n",
  },
];

describe('store seal lint boundaries', () => {
  // Loading the config and its plugins is the slow part: once, before the cases.
  beforeAll(async () => {
    await eslint.lintText('export {};\n', { filePath: 'src/sync/probe.ts' });
  }, 120_000);

  for (const c of cases) {
    test(`${c.boundary}: the wrong import is refused, the right one passes`, async () => {
      expect(await refused(c.file, c.wrong)).toHaveLength(1);
      expect(await refused(c.file, c.right)).toEqual([]);
    });
  }

  test('the live-query adapter may import dexie', async () => {
    expect(await refused('src/app/lib/live-query.ts', "import { liveQuery } from 'dexie';\nexport const probe = liveQuery;\n")).toEqual([]);
  });

  test('a screen\'s .data.ts may import the store', async () => {
    expect(await refused('src/app/screens/probe/probe.data.ts', "import { listUsers } from '../../../store/users';\nexport const probe = listUsers;\n")).toEqual([]);
  });

  test('a store file may import dexie', async () => {
    expect(await refused('src/store/probe.ts', "import { Dexie } from 'dexie';\nexport const probe = Dexie;\n")).toEqual([]);
  });
});
