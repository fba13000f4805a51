import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/** A database's schema as comparable text: its tables, their columns, indexes and triggers, each list sorted by name. */
export interface SchemaSnapshot {
  tables: string[];
  columns: string[];
  indexes: string[];
  triggers: string[];
}

/** SQLite keeps each CREATE as typed (minus `if not exists`), so only whitespace may differ between equal definitions. */
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export function schemaSnapshot(db: Kysely<any>): Promise<SchemaSnapshot> {
  return dialectOf(db) === 'postgres' ? postgresSnapshot(db) : sqliteSnapshot(db);
}

async function rows<T>(db: Kysely<any>, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function sqliteSnapshot(db: Kysely<any>): Promise<SchemaSnapshot> {
  type TEntry = { type: string; name: string; tbl_name: string; sql: string | null };
  const entries = await rows(db, sql<TEntry>`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by name`);
  const tables = entries.filter((e) => e.type === 'table').map((e) => e.name);
  const snapshot: SchemaSnapshot = { tables, columns: [], indexes: [], triggers: [] };
  for (const table of tables) {
    const columns = await rows(db, sql<Record<string, unknown>>`select cid, name, type, "notnull", dflt_value, pk from pragma_table_info(${table}) order by cid`);
    snapshot.columns.push(...columns.map((c) => `${table}.${c.name} #${c.cid} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`));
    type TIndex = { name: string; unique: number; origin: string; partial: number };
    for (const index of await rows(db, sql<TIndex>`select name, "unique", origin, partial from pragma_index_list(${table})`)) {
      const keys = await rows(db, sql<Record<string, unknown>>`select name, "desc", coll from pragma_index_xinfo(${index.name}) where key = 1 order by seqno`);
      const text = entries.find((e) => e.name === index.name)?.sql ?? null;
      const keyText = keys.map((k) => `${k.name} ${k.desc ? 'desc' : 'asc'} ${k.coll}`).join(', ');
      snapshot.indexes.push(`${table}.${index.name} unique=${index.unique} origin=${index.origin} partial=${index.partial} (${keyText}) ${squash(text)}`);
    }
  }
  snapshot.indexes.sort();
  snapshot.triggers = entries.filter((e) => e.type === 'trigger').map((e) => `${e.tbl_name}.${e.name} ${squash(e.sql)}`);
  return snapshot;
}

async function postgresSnapshot(db: Kysely<any>): Promise<SchemaSnapshot> {
  type TName = { name: string };
  const tables = await rows(db, sql<TName>`select table_name as name from information_schema.tables
    where table_schema = current_schema() order by table_name`);
  type TColumn = Record<string, unknown>;
  const columns = await rows(db, sql<TColumn>`select table_name, column_name, ordinal_position, data_type, is_nullable, column_default,
    collation_name, character_maximum_length, numeric_precision from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`);
  type TIndex = { tablename: string; indexname: string; indexdef: string };
  const indexes = await rows(db, sql<TIndex>`select tablename, indexname, indexdef from pg_indexes
    where schemaname = current_schema() order by tablename, indexname`);
  type TTrigger = { relname: string; tgname: string; def: string };
  const triggers = await rows(db, sql<TTrigger>`select c.relname, t.tgname, pg_get_triggerdef(t.oid) as def from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and n.nspname = current_schema() order by c.relname, t.tgname`);
  return {
    tables: tables.map((t) => t.name),
    columns: columns.map((c) => `${c.table_name}.${c.column_name} #${c.ordinal_position} ${c.data_type} nullable=${c.is_nullable} default=${c.column_default} collation=${c.collation_name} length=${c.character_maximum_length} precision=${c.numeric_precision}`),
    indexes: indexes.map((i) => `${i.tablename}.${i.indexname} ${i.indexdef}`),
    triggers: triggers.map((t) => `${t.relname}.${t.tgname} ${t.def}`),
  };
}
