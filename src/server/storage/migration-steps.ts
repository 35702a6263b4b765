import { ATTESTATION_MIGRATION_SQL } from './attestation';
import { REPORT_PROJECTION_SQL } from '../reports/report-schema';
import { CLOCK_REPORTS_SQL } from './clock-reports';
import { CONSOLE_SQL } from '../console/console-schema';
import { CONSOLE_SUMMARY_SQL } from '../console/summary-store';
import { CASE_BROWSE_SQL } from '../console/case-browse-projection';
import { CASE_SEARCH_SQL } from '../console/case-search';
import { ANNUAL_SQL } from '../console/annual-schema';
import { DEVICE_CODES_SQL } from './device-codes';
import { PUBLIC_DRAFTS_SQL } from './public-drafts-store';

/** The steps `migrate` runs (migrations.ts), in order. Append new steps; never edit an applied one. */
export const MIGRATIONS: readonly { readonly id: string; readonly sql: (ctx: { epoch: string; secret: string }) => string }[] = [
  {
    id: '0001-sync',
    sql: ({ epoch }) => `
      create table server_meta (key text primary key, value text not null);
      insert into server_meta (key, value) values ('epoch', '${epoch}');
      -- The single-row counter that hands out server sequences (see sync-store.ts).
      create table server_seq_counter (id int primary key check (id = 1), last bigint not null);
      insert into server_seq_counter (id, last) values (1, 0);

      create table users (
        id text primary key,
        name text not null unique,
        role text not null check (role in ('organizer', 'expert')),
        password_hash text not null,
        created_at timestamptz not null default now()
      );
      create table devices (
        id text not null,
        fair_id text not null,
        code text not null,
        name text not null,
        role text not null check (role in ('desk', 'expert')),
        acked_seq bigint not null default 0,
        enrolled_at timestamptz not null default now(),
        revoked_at timestamptz,
        primary key (id, fair_id),
        unique (fair_id, code)
      );
      create table enrolments (
        code_hash text primary key,
        fair_id text not null,
        role text not null,
        created_by text not null references users (id),
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create table tokens (
        hash text primary key,
        user_id text references users (id),
        device_id text,
        fair_id text,
        role text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create index tokens_device on tokens (device_id, fair_id);

      create table items (
        id text primary key,
        server_seq bigint not null,
        fair_id text not null,
        device_id text not null,
        seq bigint not null,
        hlc text not null,
        at text not null,
        kind text not null,
        entity_id text not null,
        payload jsonb not null,
        content_hash text not null,
        received_at timestamptz not null default now(),
        unique (device_id, fair_id, seq)
      );
      create index items_pull on items (fair_id, server_seq);
      -- Items that can never apply: acknowledged, kept for the tablet's screen and the organizer.
      create table rejected_items (
        id text primary key,
        fair_id text not null,
        device_id text not null,
        seq bigint not null,
        code text not null,
        content_hash text not null,
        item jsonb not null,
        received_at timestamptz not null default now()
      );
      -- The same id with other content: kept aside for review, never overwriting the original.
      create table conflicts (
        item_id text not null,
        content_hash text not null,
        fair_id text not null,
        device_id text not null,
        item jsonb not null,
        received_at timestamptz not null default now(),
        primary key (item_id, content_hash)
      );
      create table blobs (
        sha256 text primary key,
        size int not null,
        data bytea not null,
        created_at timestamptz not null default now()
      );`,
  },
  {
    // The tablet numbers its items per device, across fairs (src/store/local-log.ts): the gap-free
    // sequence and its acknowledgement belong to the device, not to a device-in-a-fair.
    id: '0002-device-acks',
    sql: () => `
      create table device_acks (device_id text primary key, acked_seq bigint not null default 0);
      insert into device_acks (device_id, acked_seq) select id, max(acked_seq) from devices group by id;
      alter table devices drop column acked_seq;
      alter table items drop constraint items_device_id_fair_id_seq_key;
      alter table items add constraint items_device_seq unique (device_id, seq);`,
  },
  {
    // Rate limits of the public routes, shared by every instance (PI3, SY60–SY62).
    id: '0003-rate-limits',
    sql: () => `
      create table rate_limits (key text primary key, window_start timestamptz not null, hits int not null);`,
  },
  {
    // The event log is append-only and hash-chained per device (SY8, event-chain.ts).
    // Rows stored before this step are chained here in device sequence order, with the same
    // formula: sha256(prev_chain_hash ‖ content_hash), hex, from 64 zeros. Nullable so that a
    // table made `like items` (the P4 bench's raw baseline) needs no chain; the check reports a null.
    id: '0004-event-chain',
    sql: () => `
      alter table items add column chain_hash text;
      do $$
      declare
        r record;
        dev text := null;
        prev text;
      begin
        for r in select id, device_id, content_hash from items order by device_id, seq loop
          if dev is distinct from r.device_id then
            dev := r.device_id;
            prev := repeat('0', 64);
          end if;
          prev := encode(sha256(convert_to(prev || r.content_hash, 'UTF8')), 'hex');
          update items set chain_hash = prev where id = r.id;
        end loop;
      end $$;
      create function items_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'items are append-only: % refused', tg_op using errcode = 'P0001', hint = 'see src/server/storage/event-chain.ts rewriteItems';
      end $$;
      create trigger items_append_only before update or delete on items for each row execute function items_append_only();
      create trigger items_no_truncate before truncate on items for each statement execute function items_append_only();`,
  },
  {
    // Complaints phones sent online, kept as drafts until a desk files one (PI1).
    id: '0005-public-drafts',
    sql: () => PUBLIC_DRAFTS_SQL,
  },
  {
    // The report projection (`report/SPEC.md` "The server"): made here instead of lazily on the
    // first summary, and kept up to date by every push (reports/projection-sync.ts).
    id: '0006-report-projection',
    sql: () => REPORT_PROJECTION_SQL,
  },
  {
    // Each tablet's last reported clock offset (SY14), for the organizer's console.
    id: '0007-device-clock-reports',
    sql: () => CLOCK_REPORTS_SQL,
  },
  {
    // Device codes the tablets report, and the issuance range a restore-mark opens (SY30, SY32).
    id: '0008-device-codes',
    sql: () => DEVICE_CODES_SQL,
  },
  {
    // SY35: the server's attestation key, made once here and kept in the database so a backup
    // carries it; every stored item gets its attestation (attestation.ts).
    id: '0009-relay-attestation',
    sql: ({ secret }) => ATTESTATION_MIGRATION_SQL(secret),
  },
  {
    // SY40: each device id's public key, kept at the first enrolment that claims the id; SY43:
    // which device redeemed a code, so that device alone may redeem it again after a lost answer.
    id: '0010-device-keys',
    sql: () => `
      create table device_keys (device_id text primary key, public_key jsonb not null, created_at timestamptz not null default now());
      alter table enrolments add column device_id text;`,
  },
  {
    // Protection of the server (src/sync/SPEC.md SY61-SY63). Failed logins per name and address
    // with growing delays, instead of a lock per name anyone could trip; the old per-name
    // windows go. Every rate-limit window gets its end, so expired rows can be deleted. A
    // rejected or conflicting item keeps a bounded head of its JSON, its SHA-256 and its size
    // instead of the whole item; rows from before keep PostgreSQL's text of their jsonb (at
    // most 1,024 characters, so at most 4,096 bytes), hashed and measured as that text. Both
    // lists page by the order rows arrived in (SY63).
    id: '0011-login-lockout',
    sql: () => `
      create table login_failures (
        name text not null,
        address text not null,
        tries int not null,
        next_at timestamptz not null,
        last_at timestamptz not null,
        last_try text not null,
        primary key (name, address)
      );
      create index login_failures_age on login_failures (last_at);
      delete from rate_limits where key like 'login:name:%';
      alter table rate_limits add column expires_at timestamptz;
      update rate_limits set expires_at = window_start + interval '15 minutes';
      alter table rate_limits alter column expires_at set not null;
      create index rate_limits_expiry on rate_limits (expires_at);
      alter table rejected_items add column item_head text, add column item_sha256 text, add column item_bytes int;
      update rejected_items set item_head = left(item::text, 1024), item_sha256 = encode(sha256(convert_to(item::text, 'UTF8')), 'hex'),
        item_bytes = octet_length(item::text);
      alter table rejected_items alter column item_head set not null, alter column item_sha256 set not null,
        alter column item_bytes set not null, drop column item;
      alter table conflicts add column item_head text, add column item_sha256 text, add column item_bytes int;
      update conflicts set item_head = left(item::text, 1024), item_sha256 = encode(sha256(convert_to(item::text, 'UTF8')), 'hex'),
        item_bytes = octet_length(item::text);
      alter table conflicts alter column item_head set not null, alter column item_sha256 set not null,
        alter column item_bytes set not null, drop column item;
      alter table rejected_items add column list_seq bigserial;
      alter table conflicts add column list_seq bigserial;
      create index rejected_items_list on rejected_items (fair_id, list_seq);
      create index conflicts_list on conflicts (fair_id, list_seq);`,
  },
  {
    // The organizer's console (src/server/CONSOLE-SPEC.md): sessions, accounts' scope and
    // disabling, tablets' reported status and revocation reasons, the audit log.
    id: '0012-console',
    sql: () => CONSOLE_SQL,
  },
  {
    // The console's post-show summary: previous-session values typed there (CO42).
    id: '0013-console-summary-previous',
    sql: () => CONSOLE_SUMMARY_SQL,
  },
  {
    // The console's review queue and exhibitor list (src/server/CONSOLE-SPEC.md CO19-CO23): which
    // set-aside item an organizer acknowledged, and each fair's exhibitor list version.
    id: '0014-console-review-exhibitor-list',
    sql: () => `
      create table console_item_acks (
        list text not null check (list in ('rejected', 'conflict')),
        item_key text not null,
        fair_id text not null,
        acked_by text references users (id),
        acked_by_name text,
        note text not null,
        acked_at timestamptz not null,
        primary key (list, item_key)
      );
      create table console_exhibitor_lists (
        fair_id text primary key,
        version int not null,
        updated_at timestamptz not null,
        updated_by_name text
      );`,
  },
  {
    // The console's case browser (CB1): its projection, filled by the report catch-up.
    id: '0015-console-case-browser',
    sql: () => CASE_BROWSE_SQL,
  },
  {
    // PI10: a typed phone address names its fair by code; the lookup reads fair items only.
    id: '0016-public-fair-code',
    sql: () => `create index items_fair_code on items ((payload->>'code')) where kind = 'fair';`,
  },
  {
    // The administration's roll-up: closed and imported summaries, the signing key, trusted senders (ANNUAL-SPEC AR10–AR14).
    id: '0017-annual-rollup',
    sql: () => ANNUAL_SQL,
  },
  {
    // AR15 (ANNUAL-SPEC.md): the roll-up's live counts per fair, kept with the fair's newest item sequence.
    id: '0018-annual-live-figures',
    sql: () => `
      create table annual_live_figures (
        fair_id text primary key,
        items_seq bigint not null,
        counts jsonb not null
      );`,
  },
  {
    // AR15 (ANNUAL-SPEC.md): beside a fair's kept counts, its roll-up source and the previous session's sequence it was made with.
    id: '0019-annual-live-sources',
    sql: () => `
      alter table annual_live_figures add column source jsonb;
      alter table annual_live_figures add column source_prior_seq bigint;`,
  },
  {
    // The case browser's search by character pairs and its counts kept with the projection (CB2, CB5).
    id: '0020-console-case-search-counts',
    sql: () => CASE_SEARCH_SQL,
  },
];
