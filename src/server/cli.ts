import { createInterface } from 'node:readline/promises';
import { Password, UserName } from '../domain/wire/accounts';
import { openStorage, storageConfigFromEnv } from './storage/storage';
import { checkChain } from './storage/event-chain';

/**
 * Server administration, against the database the environment names (DATABASE_URL, else PGlite
 * in FAIRCASE_DATA_DIR):
 *   tsx src/server/cli.ts create-organizer <name>     password from FAIRCASE_ORGANIZER_PASSWORD or a prompt
 *   tsx src/server/cli.ts restore-mark                after restoring a backup: new epoch, tablets push everything again
 *   tsx src/server/cli.ts migrate                     apply the SQL migrations and exit
 *   tsx src/server/cli.ts check-chain                 walk every device's hash chain; exit 1 and list each broken link
 */
const [command, ...args] = process.argv.slice(2);

async function readPassword(): Promise<string> {
  const fromEnv = process.env.FAIRCASE_ORGANIZER_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  if (command !== 'create-organizer' && command !== 'restore-mark' && command !== 'migrate' && command !== 'check-chain') {
    console.error('usage: tsx src/server/cli.ts create-organizer <name> | restore-mark | migrate | check-chain');
    return 2;
  }
  let name: string | undefined;
  let password: string | undefined;
  if (command === 'create-organizer') {
    const parsedName = UserName.safeParse(args[0] ?? '');
    if (!parsedName.success) {
      console.error('A name of 1–64 characters is required.');
      return 2;
    }
    const parsedPassword = Password.safeParse(await readPassword());
    if (!parsedPassword.success) {
      console.error('The password needs 10–200 characters.');
      return 2;
    }
    name = parsedName.data;
    password = parsedPassword.data;
  }
  const storage = await openStorage(storageConfigFromEnv());
  try {
    if (command === 'create-organizer' && name !== undefined && password !== undefined) {
      const created = await storage.ensureOrganizer(name, password);
      console.log(created ? `Created the organizer account "${name}".` : `An account named "${name}" already exists; nothing changed.`);
      return created ? 0 : 1;
    }
    if (command === 'restore-mark') {
      console.log(`New epoch ${await storage.markRestored()}: every tablet will push everything it holds again.`);
      return 0;
    }
    if (command === 'check-chain') {
      // One line per broken link, tab-separated, for grep and spreadsheets.
      const report = await checkChain(storage.sql);
      for (const b of report.broken) console.log(['BROKEN', b.deviceId, b.seq, b.itemId, b.reason, `expected ${b.expected}`, `found ${b.found ?? 'null'}`].join('\t'));
      console.log(`${report.items} items of ${report.devices} devices checked; ${report.broken.length} broken links.`);
      return report.broken.length === 0 ? 0 : 1;
    }
    console.log('Migrations applied.');
    return 0;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main();
