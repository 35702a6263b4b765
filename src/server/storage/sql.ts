/**
 * The one seam between FairCase's SQL and a database: PostgreSQL's SQL over either embedded
 * PGlite (default, one process) or a real PostgreSQL server (DATABASE_URL, many instances).
 * Everything above this file is written once against it.
 *
 * Parameters are `$1…`; values are strings, numbers, booleans, null or Uint8Array. Batches travel
 * as one JSON text parameter (`jsonb_to_recordset($1::text::jsonb)`), which both drivers pass the same way
 * (cast through `text`: typed `jsonb`, postgres.js would encode the string as a JSON string again).
 */
export type SqlValue = string | number | boolean | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  query<T extends Row = Row>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlRunner {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (READ COMMITTED); commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Drivers differ on int8 (string, bigint); the schema's counts and sequences fit a double. */
export const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number(v) : (v as number));
