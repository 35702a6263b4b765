/**
 * The administration's roll-up (ANNUAL-SPEC AR10–AR14): closed and imported summaries, this
 * server's signing key, and the senders' keys the administration trusts.
 *
 * - `summary_snapshots`: one row per revision of a fair's summary, closed here or imported; the
 *   body is the summary file's body (imported: the whole signed file). The roll-up reads the
 *   highest revision of each fair.
 * - `server_signing_key`: the Ed25519 key pair this server signs its summary files with, made once.
 * - `trusted_sender_keys`: public keys whose files the import accepts.
 * - The fair records' index: the roll-up reads every fair's current record in one statement.
 * - The projection's complaints index: R3/R4 count distinct complaints of many fairs at once
 *   (AR11) by an index-only scan in complaint order, instead of hashing every case.
 */
export const ANNUAL_SQL = `
  create table summary_snapshots (
    fair_id text not null,
    revision int not null,
    source text not null check (source in ('closed', 'imported')),
    final boolean not null,
    region text,
    first_day text not null,
    body jsonb not null,
    signer text,
    at timestamptz not null,
    by_id text,
    primary key (fair_id, revision)
  );
  create index summary_snapshots_day on summary_snapshots (first_day);
  create table server_signing_key (
    id int primary key check (id = 1),
    public_key text not null,
    private_key text not null,
    created_at timestamptz not null default now()
  );
  create table trusted_sender_keys (
    public_key text primary key,
    label text not null,
    added_at timestamptz not null,
    added_by text
  );
  create index items_fair_records on items (fair_id) where kind = 'fair';
  create index report_cases_complaints on report_cases (fair_id, complaint_id, accepted);`;
