import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FairId } from '../../domain/ids';
import { instantFromMs, type Instant } from '../../domain/time';
import type { ConsoleErrorCode, ConsoleErrorReply } from '../../domain/wire/console';
import { AddTrustedKeyRequest, type SummaryImported, type TrustedKeys } from '../../domain/wire/console-annual';
import { unstorable } from '../../domain/wire/storable';
import { SummaryFile, SummaryFileBody, summaryFileSignedText } from '../../domain/wire/summary-file';
import type { Storage } from '../storage/storage';
import { num, type SqlClient } from '../storage/sql';
import { parseJson, readJson, SMALL_BODY } from '../http/body';
import { issuesOf } from '../http/replies';
import { clientAddress } from '../http/rate-limit';
import { audit, type Actor } from './audit';
import { currentFair } from './console-store';
import type { SessionUser } from './sessions';
import { fingerprint, serverSigningKey, signText, verifyText } from './signing-key';
import { latestSnapshot } from './summary-close';

interface ConsoleEnv {
  Variables: { user: SessionUser };
}

/** A summary file is a post-show summary with its facts: well under this. */
const FILE_LIMIT = 4 * 1024 * 1024;

const refuse = (c: Context, status: ContentfulStatusCode, code: ConsoleErrorCode, extra: Omit<ConsoleErrorReply, 'type' | 'code'> = {}): Response =>
  c.json({ type: 'error', code, ...extra } satisfies ConsoleErrorReply, status);
const actorOf = (c: Context<ConsoleEnv>): Actor & { userId: string } => ({ userId: c.get('user').userId, name: c.get('user').name, address: clientAddress(c) });

/**
 * AR13: stores an imported file's revision. The same revision again (or an older one) changes
 * nothing; a newer one is stored over the older, with an audit row saying which it replaced.
 * The fair's rows are taken under a lock, so two imports of one fair take turns.
 */
async function importFile(db: SqlClient, raw: unknown, file: SummaryFile, actor: Actor, nowMs: number): Promise<SummaryImported> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('summary_snapshots:' || $1))`, [file.fair.id]);
    const [last] = await tx.query<{ revision: unknown }>('select max(revision) as revision from summary_snapshots where fair_id = $1', [file.fair.id]);
    const lastRevision = last?.revision === null || last === undefined ? null : num(last.revision);
    const base = { type: 'summary-imported' as const, fairId: file.fair.id, revision: file.revision };
    if (lastRevision !== null && file.revision <= lastRevision) {
      return { ...base, result: file.revision === lastRevision ? 'unchanged' : 'older', replacedRevision: null };
    }
    await tx.query(
      `insert into summary_snapshots (fair_id, revision, source, final, region, first_day, body, signer, at, by_id)
       values ($1, $2, 'imported', $3, $4, $5, $6::text::jsonb, $7, $8, $9)`,
      [file.fair.id, file.revision, file.final, file.fair.region, file.fair.firstDay, JSON.stringify(raw), file.signer.publicKey, instantFromMs(nowMs), actor.userId],
    );
    const details = { revision: file.revision, replaced: lastRevision, final: file.final, code: file.fair.code, signer: fingerprint(file.signer.publicKey) };
    await audit(tx, actor, lastRevision === null ? 'summary_imported' : 'summary_replaced', `fair:${file.fair.id}`, details, nowMs);
    return { ...base, result: lastRevision === null ? 'imported' : 'replaced', replacedRevision: lastRevision };
  });
}

/** The signed summary files (AR7, AR13, AR14): export a closed fair's, import another server's, the trusted senders. */
export function summaryFileRoutes(storage: Storage, now: () => number): Hono<ConsoleEnv> {
  const db = storage.sql;
  const app = new Hono<ConsoleEnv>();

  app.get('/fairs/:fairId/summary-file', async (c) => {
    const id = FairId.safeParse(c.req.param('fairId'));
    if (!id.success) return refuse(c, 400, 'INVALID_PATH');
    const snapshot = await latestSnapshot(db, id.data);
    if (snapshot === undefined) return refuse(c, 409, 'SUMMARY_NOT_CLOSED');
    let file: unknown = snapshot.body;
    if (snapshot.source === 'closed') {
      // AR14: the stored body signed with this server's key; Ed25519 is deterministic, so one revision is one file.
      const key = await serverSigningKey(db);
      const unsigned = { ...SummaryFileBody.parse(snapshot.body), signer: { alg: 'Ed25519' as const, publicKey: key.publicKey } };
      file = { ...unsigned, signature: signText(key, summaryFileSignedText(unsigned)) };
    }
    const code = SummaryFile.parse(file).fair.code;
    c.header('content-disposition', `attachment; filename="${code}-summary-r${snapshot.revision}.json"`);
    return c.json(file);
  });

  app.post('/summary-files', async (c) => {
    const json = await readJson(c, FILE_LIMIT);
    if (!json.ok) return json.response;
    const bad = unstorable(json.value);
    if (bad !== undefined) return refuse(c, 400, 'INVALID_BODY', { issues: [{ path: '', code: bad }] });
    const parsed = SummaryFile.safeParse(json.value);
    if (!parsed.success) return refuse(c, 400, 'INVALID_BODY', { issues: issuesOf(parsed.error) });
    const file = parsed.data;
    // AR13: the signature over the file as received (altered: refused), then the signer's key (unknown: refused).
    if (!verifyText(file.signer.publicKey, summaryFileSignedText(json.value as SummaryFile), file.signature)) return refuse(c, 422, 'SIGNATURE_INVALID');
    // This server's own files are trusted too; a refused import makes no key (it writes nothing).
    const [trusted] = await db.query(
      'select 1 from trusted_sender_keys where public_key = $1 union all select 1 from server_signing_key where public_key = $1',
      [file.signer.publicKey],
    );
    if (trusted === undefined) return refuse(c, 403, 'SIGNER_UNTRUSTED', { params: { fingerprint: fingerprint(file.signer.publicKey) } });
    // A fair held here is closed here, never replaced by a file.
    if ((await currentFair(db, file.fair.id)) !== undefined) return refuse(c, 409, 'FAIR_EXISTS');
    const imported = await importFile(db, json.value, file, actorOf(c), now());
    return c.json(imported, imported.result === 'imported' || imported.result === 'replaced' ? 201 : 200);
  });

  const trustedKeys = async (): Promise<TrustedKeys> => {
    const own = await serverSigningKey(db);
    const rows = await db.query<{ public_key: string; label: string; added_at: unknown }>('select public_key, label, added_at from trusted_sender_keys order by added_at, public_key');
    return {
      type: 'trusted-keys',
      own: { publicKey: own.publicKey, fingerprint: fingerprint(own.publicKey) },
      keys: rows.map((r) => ({ publicKey: r.public_key, fingerprint: fingerprint(r.public_key), label: r.label, addedAt: new Date(r.added_at as string).toISOString() as Instant })),
    };
  };

  app.get('/trusted-keys', async (c) => c.json(await trustedKeys()));

  app.post('/trusted-keys', async (c) => {
    const body = await parseJson(c, AddTrustedKeyRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const nowMs = now();
    await db.transaction(async (tx) => {
      const added = await tx.query(
        'insert into trusted_sender_keys (public_key, label, added_at, added_by) values ($1, $2, $3, $4) on conflict (public_key) do nothing returning 1',
        [body.value.publicKey, body.value.label, instantFromMs(nowMs), c.get('user').userId],
      );
      if (added.length > 0) await audit(tx, actorOf(c), 'trusted_key_added', null, { label: body.value.label, fingerprint: fingerprint(body.value.publicKey) }, nowMs);
    });
    return c.json(await trustedKeys());
  });

  return app;
}
