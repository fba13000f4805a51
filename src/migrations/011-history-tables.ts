import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * History stays as written. The event log already refused UPDATE and DELETE (and TRUNCATE on PostgreSQL), but SQLite's
 * `INSERT OR REPLACE` / `REPLACE INTO` deletes the row it conflicts with without firing a DELETE trigger (unless a
 * connection turns recursive_triggers on), so one statement could rewrite the log with its row count unchanged. On SQLite
 * every history table now also refuses an insert whose key is already there, which covers REPLACE, INSERT OR REPLACE and
 * every UPSERT before any row is touched, whatever the connection's settings; on PostgreSQL, ON CONFLICT DO UPDATE fires
 * the UPDATE triggers.
 *
 * The other history tables get the same protection, except for the one change each documents (README, "History tables"):
 * - extension_requests: decided once: state from pending to approved or refused, with decided_by, version and updated_at;
 * - work_order_units (called-in units): reported in once: reported_at (from empty) and part;
 * - attachments: the file, its record and its time never change; its place and place path follow the record (a move);
 * - notifications: read once: read_at from empty; the text, the addressee and the time never change.
 * None of them is deleted or truncated.
 */
interface History {
  table: string;
  key: string[];
  /** What an UPDATE may do: the condition on `old` and `new` under which it is allowed. */
  allowed: (same: (column: string) => string) => string;
  refusal: string;
}

const HISTORY: History[] = [
  {
    table: 'extension_requests',
    key: ['id'],
    allowed: (same) => `old.state = 'pending' and new.state in ('approved', 'refused') and old.decided_by is null and ${
      ['id', 'work_order_id', 'days', 'reason', 'requested_by', 'created_at'].map(same).join(' and ')}`,
    refusal: 'extension requests are history: only a pending request may be decided, once',
  },
  {
    table: 'work_order_units',
    key: ['work_order_id', 'unit_id'],
    allowed: (same) => `old.reported_at is null and new.reported_at is not null and ${['work_order_id', 'unit_id', 'called_at'].map(same).join(' and ')}`,
    refusal: 'called-in units are history: only a unit that has not reported in may report in, once',
  },
  {
    table: 'attachments',
    key: ['id'],
    allowed: (same) => ['id', 'entity_type', 'entity_id', 'stage', 'file', 'mime', 'size', 'created_at'].map(same).join(' and '),
    refusal: 'attachments are history: only their place and place path may change',
  },
  {
    table: 'notifications',
    key: ['id'],
    allowed: (same) => `old.read_at is null and new.read_at is not null and ${
      ['id', 'user_id', 'kind', 'entity_type', 'entity_id', 'text_zh', 'text_en', 'created_at'].map(same).join(' and ')}`,
    refusal: 'notifications are history: only read_at may be set, once',
  },
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const keyExists = (h: History) => `exists (select 1 from ${h.table} where ${h.key.map((k) => `${k} = new.${k}`).join(' and ')})`;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // The refusal is the trigger's argument, so one function serves every table.
    await sql`create function onegrid_history_refused() returns trigger language plpgsql as $$
      begin raise exception '%', tg_argv[0]; end $$`.execute(db);
    const same = (c: string) => `new.${c} is not distinct from old.${c}`;
    for (const h of HISTORY) {
      const refusal = quote(h.refusal);
      await sql.raw(`create trigger ${h.table}_history before update on ${h.table}
        for each row when (not (${h.allowed(same)})) execute function onegrid_history_refused(${refusal})`).execute(db);
      await sql.raw(`create trigger ${h.table}_no_delete before delete on ${h.table}
        for each row execute function onegrid_history_refused(${refusal})`).execute(db);
      await sql.raw(`create trigger ${h.table}_no_truncate before truncate on ${h.table}
        for each statement execute function onegrid_history_refused(${refusal})`).execute(db);
    }
    return;
  }
  await sql`create trigger events_no_replace before insert on events when exists (select 1 from events where id = new.id)
    begin select raise(abort, 'events are append-only'); end`.execute(db);
  const same = (c: string) => `new.${c} is old.${c}`;
  for (const h of HISTORY) {
    const refusal = quote(h.refusal);
    await sql.raw(`create trigger ${h.table}_history before update on ${h.table} when not (${h.allowed(same)})
      begin select raise(abort, ${refusal}); end`).execute(db);
    await sql.raw(`create trigger ${h.table}_no_delete before delete on ${h.table}
      begin select raise(abort, ${refusal}); end`).execute(db);
    await sql.raw(`create trigger ${h.table}_no_replace before insert on ${h.table} when ${keyExists(h)}
      begin select raise(abort, ${refusal}); end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const h of HISTORY) {
    for (const suffix of pg ? ['history', 'no_delete', 'no_truncate'] : ['history', 'no_delete', 'no_replace']) {
      await sql.raw(`drop trigger if exists ${h.table}_${suffix}${pg ? ` on ${h.table}` : ''}`).execute(db);
    }
  }
  if (pg) await sql`drop function if exists onegrid_history_refused()`.execute(db);
  else await sql`drop trigger if exists events_no_replace`.execute(db);
}
