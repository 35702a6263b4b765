/**
 * The organizer's console's tables (src/server/CONSOLE-SPEC.md). Sessions keep only the
 * SHA-256 of their token (CO1) with both expiries checked in SQL (CO3); the audit log refuses
 * UPDATE, DELETE and TRUNCATE like the items table (CO16).
 */
export const CONSOLE_SQL = `
  alter table users drop constraint if exists users_role_check;
  alter table users add constraint users_role_check check (role in ('organizer', 'expert', 'admin_viewer'));
  alter table users add column scope jsonb, add column disabled_at timestamptz, add column last_sign_in_at timestamptz;

  create table console_sessions (
    hash text primary key,
    user_id text not null references users (id),
    created_at timestamptz not null,
    last_used_at timestamptz not null,
    absolute_expires_at timestamptz not null
  );
  create index console_sessions_user on console_sessions (user_id);

  -- CO17: the server's own device of a fair, which authors the fair items the console writes.
  create table console_fair_authors (fair_id text primary key, device_id text not null unique);

  -- CO11: when each tablet was last in contact, apart from its data (a request writes it, and a
  -- table of its own keeps that bookkeeping out of every other row); and what it said of itself
  -- at its last push.
  create table device_last_seen (
    device_id text not null,
    fair_id text not null,
    last_seen_at timestamptz not null,
    primary key (device_id, fair_id)
  );
  create table device_status (
    device_id text not null,
    fair_id text not null,
    app_version text,
    outbox_count int not null,
    last_error text,
    acked_seq_then bigint not null,
    reported_at timestamptz not null,
    primary key (device_id, fair_id)
  );

  create table device_revocations (
    device_id text not null,
    fair_id text not null,
    revoked_by text references users (id),
    reason text not null,
    revoked_at timestamptz not null,
    primary key (device_id, fair_id)
  );

  alter table enrolments add column created_at timestamptz not null default now();

  create table audit_log (
    id bigserial primary key,
    at timestamptz not null,
    actor_id text,
    actor_name text,
    address text not null,
    action text not null,
    target text,
    details jsonb not null default '{}'::jsonb
  );
  create index audit_log_at on audit_log (at);
  create function audit_log_append_only() returns trigger language plpgsql as $$
  begin
    raise exception 'the audit log is append-only: % refused', tg_op using errcode = 'P0001';
  end $$;
  create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only();
  create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only();`;
