import { type Kysely, sql } from 'kysely';

/**
 * PostgreSQL: what the app role (DATABASE_URL) may do on each table when another role owns them (MIGRATION_DATABASE_URL).
 * A table not listed: select, insert, update, delete. Never truncate, and owning nothing, the app role cannot alter,
 * disable or drop a table's triggers. The history tables' triggers refuse what is not their documented change even to
 * the owner (011-history-tables.ts).
 */
const APP_PRIVILEGES: Record<string, string> = {
  events: 'select, insert',
  extension_requests: 'select, insert, update',
  work_order_units: 'select, insert, update',
  attachments: 'select, insert, update',
  notifications: 'select, insert, update',
  party_points: 'select, insert, update',
  party_contact_messages: 'select, insert, update',
  // The owner writes these at start; the app reads them (and a backup dumps them).
  instance_settings: 'select',
  kysely_migration: 'select',
  kysely_migration_lock: 'select',
};

export interface AppRoleCheck {
  appRole: string;
  ownerRole: string;
  /** Why this setup does not protect the history tables from the app's own connection, when it does not. */
  warning: string | null;
}

/**
 * Run as the owner after migrating: grants the app role exactly the privileges above on every table and sequence of the
 * schema, in one transaction (a process running meanwhile sees the old grants or the new ones), and says whether the app
 * role is one that owns nothing.
 */
export async function grantAppRole(owner: Kysely<any>, app: Kysely<any>): Promise<AppRoleCheck> {
  const who = async (db: Kysely<any>) => (await sql<{ role: string; superuser: boolean }>`select current_user as role,
    (select rolsuper from pg_roles where rolname = current_user) as superuser`.execute(db)).rows[0]!;
  const [o, a] = [await who(owner), await who(app)];
  const check = { appRole: a.role, ownerRole: o.role };
  if (a.role === o.role || a.superuser) {
    return { ...check, warning: `DATABASE_URL connects as ${a.role}, which ${a.superuser ? 'is a superuser' : 'owns the tables'}: it could disable `
      + 'the event log\'s triggers. Connect the app as a role that owns no table and migrate with MIGRATION_DATABASE_URL (README, "PostgreSQL roles").' };
  }
  await owner.transaction().execute(async (trx) => {
    const schema = sql.id((await sql<{ name: string }>`select current_schema() as name`.execute(trx)).rows[0]!.name);
    const role = sql.id(a.role);
    const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by 1`.execute(trx)).rows;
    await sql`grant usage on schema ${schema} to ${role}`.execute(trx);
    await sql`revoke all on all tables in schema ${schema} from ${role}`.execute(trx);
    for (const { name } of tables) {
      await sql`grant ${sql.raw(APP_PRIVILEGES[name] ?? 'select, insert, update, delete')} on ${sql.table(name)} to ${role}`.execute(trx);
    }
    await sql`grant usage, select on all sequences in schema ${schema} to ${role}`.execute(trx);
  });
  const owned = (await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = current_schema() and tableowner = ${a.role}`.execute(owner)).rows[0]!.n;
  return { ...check, warning: owned ? `DATABASE_URL connects as ${a.role}, which owns ${owned} of the tables: it could disable their triggers.` : null };
}
