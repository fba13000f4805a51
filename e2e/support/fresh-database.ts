import pg from 'pg';

export interface FreshDatabase {
  /** DATABASE_URL for the server: a role that owns nothing. */
  url: string;
  /** MIGRATION_DATABASE_URL: the owner of the tables, which migrates at start. */
  ownerUrl: string;
  drop: () => Promise<void>;
}

/** The roles the server runs as, set up as the README's "PostgreSQL roles" says (the server trusts local connections). */
const OWNER_ROLE = 'onegrid_test_owner';
const APP_ROLE = 'onegrid_test_app';

/**
 * The browser tests run after the API tests on the same DATABASE_URL, so they get a database of their own,
 * created next to it on the same PostgreSQL server, owned by the owner role and dropped at the end: the server migrates
 * it as the owner, then serves and seeds the demo as the app role.
 */
export async function freshDatabase(baseUrl: string): Promise<FreshDatabase> {
  const base = decodeURIComponent(new URL(baseUrl).pathname.replace(/^\//, '')) || 'postgres';
  const name = `${base}_e2e_${process.pid}`.slice(0, 63).replace(/[^a-zA-Z0-9_]/g, '_');
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  for (const role of [OWNER_ROLE, APP_ROLE]) {
    await admin(`do $$ begin create role ${role} login; exception when duplicate_object or unique_violation then null; end $$`);
  }
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}" owner ${OWNER_ROLE}`);
  const urlAs = (role: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    url.username = role;
    url.password = '';
    return url.toString();
  };
  return { url: urlAs(APP_ROLE), ownerUrl: urlAs(OWNER_ROLE), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
