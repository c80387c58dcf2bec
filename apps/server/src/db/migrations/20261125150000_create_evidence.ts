import { sql, type Kysely } from 'kysely';

/**
 * The exchange evidence log (contracts §4): entries queue in the transaction of what they record, a
 * sequencer gives them their place in an append-only Merkle tree (leaves and every complete subtree
 * kept), and signed checkpoints publish the tree's size and root. The node's SM2 signing key is kept
 * sealed under the master key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evidence_queue (
      id bigint generated always as identity primary key,
      kind text not null,
      entry text not null,
      queued_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table evidence_tree (
      id smallint primary key default 1 check (id = 1),
      size bigint not null default 0,
      root bytea not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  // The root of the empty tree is the SM3 of nothing.
  await sql`insert into evidence_tree (id, size, root) values (1, 0, decode('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b', 'hex'))`.execute(
    db,
  );
  await sql`
    create table evidence_leaf (
      index bigint primary key,
      kind text not null,
      entry text not null,
      leaf_hash bytea not null,
      queued_at timestamptz not null,
      sequenced_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table evidence_node (
      level smallint not null,
      index bigint not null,
      hash bytea not null,
      primary key (level, index)
    )`.execute(db);
  await sql`
    create table node_signing_key (
      id text primary key,
      public_key text not null,
      private_key_sealed text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`
    create table evidence_checkpoint (
      tree_size bigint primary key,
      root bytea not null,
      signed_at timestamptz not null,
      key_id text not null references node_signing_key(id),
      body text not null,
      signature text not null
    )`.execute(db);
}
