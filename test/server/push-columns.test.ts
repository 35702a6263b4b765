import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { arrayLiteral } from '../../src/server/storage/push-sql';
import { fcSeed } from '../support/fc-seed';
import { bothStorages } from './both-storages';

/**
 * The push's write passes each column of its new rows as one array literal (push-sql.ts): every
 * value must come out of `unnest` exactly as it went in, whatever characters it holds.
 */
const databases = bothStorages();
const SEED = fcSeed('push-columns', 20_261_207);

/** Text PostgreSQL can hold (no NUL, no lone surrogate), rich in the characters an array literal treats specially. */
const Text = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', '\\', ',', '{', '}', ' ', 'N', 'U', 'L', 'a', '中', '\n') }),
  fc.constantFrom('NULL', 'null', '', ' ', '{}', '"', '\\'),
  fc.string({ unit: 'grapheme' }),
).filter((s) => !s.includes('\u0000'));

describe.each(databases)('push columns on $name', (db) => {
  test('[SY3] a column of text comes out of the array literal as it went in: quotes, backslashes, commas, braces, NULL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Text, { maxLength: 12 }), async (values) => {
        const [row] = await db.storage().sql.query<{ back: string }>(
          `select coalesce(json_agg(v order by i), '[]')::text as back from unnest($1::text::text[]) with ordinality as x(v, i)`,
          [arrayLiteral(values)],
        );
        expect(JSON.parse(row?.back ?? 'null')).toEqual(values);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test('[SY3] a column of sequence numbers comes out of the array literal as it went in', async () => {
    const seqs = [1, 2, 9_007_199_254_740_991];
    const [row] = await db.storage().sql.query<{ back: string }>(
      `select json_agg(v order by i)::text as back from unnest($1::text::bigint[]) with ordinality as x(v, i)`,
      [arrayLiteral(seqs)],
    );
    expect(JSON.parse(row?.back ?? 'null')).toEqual(seqs);
  });
});
