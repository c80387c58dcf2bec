import { sql, type Kysely } from 'kysely';

/** Departments, roles, users, sessions, tokens, client applications, audit events, settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create table department (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references department(id),
      name text not null,
      short_name text,
      level text not null check (level in ('province', 'city', 'county')),
      division_code char(6) not null,
      agency_code char(18) not null unique,
      sort_order integer not null default 0,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (parent_id, name)
    )`.execute(db);
  await sql`create index department_parent_idx on department (parent_id)`.execute(db);
  await sql`create unique index department_root_name_idx on department (name) where parent_id is null`.execute(db);

  await sql`
    create table role (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name_zh text not null,
      name_en text not null,
      description text not null default '',
      builtin boolean not null default false,
      permissions text[] not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      login text not null,
      display_name text not null,
      department_id uuid not null references department(id),
      phone text,
      email text,
      status text not null default 'active' check (status in ('active', 'disabled')),
      password_hash text not null,
      must_change_password boolean not null default true,
      password_changed_at timestamptz not null default now(),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index app_user_login_idx on app_user (lower(login))`.execute(db);
  await sql`create index app_user_department_idx on app_user (department_id)`.execute(db);

  await sql`
    create table user_role (
      user_id uuid not null references app_user(id) on delete cascade,
      role_id uuid not null references role(id) on delete cascade,
      primary key (user_id, role_id)
    )`.execute(db);

  await sql`
    create table user_session (
      id text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index user_session_user_idx on user_session (user_id)`.execute(db);

  await sql`
    create table access_token (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      token_prefix text not null,
      permissions text[] not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index access_token_user_idx on access_token (user_id)`.execute(db);

  await sql`
    create table client_app (
      id uuid primary key default gen_random_uuid(),
      department_id uuid not null references department(id),
      name text not null,
      app_key text not null unique,
      description text not null default '',
      status text not null default 'active' check (status in ('active', 'disabled')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (department_id, name)
    )`.execute(db);

  await sql`
    create table app_secret (
      id uuid primary key default gen_random_uuid(),
      app_id uuid not null references client_app(id) on delete cascade,
      secret_ciphertext text not null,
      secret_hint text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index app_secret_app_idx on app_secret (app_id)`.execute(db);

  await sql`
    create table audit_event (
      id bigserial primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid,
      actor_login text,
      actor_department_id uuid,
      action text not null,
      outcome text not null check (outcome in ('success', 'failure')),
      target_type text,
      target_id text,
      target_label text,
      ip text,
      user_agent text,
      details jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_event_time_idx on audit_event (occurred_at desc, id desc)`.execute(db);
  await sql`create index audit_event_action_idx on audit_event (action, id desc)`.execute(db);
  await sql`create index audit_event_actor_idx on audit_event (actor_login, id desc)`.execute(db);
  await sql`create index audit_event_dept_idx on audit_event (actor_department_id, id desc)`.execute(db);

  await sql`
    create table platform_setting (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}
