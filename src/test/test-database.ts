import pg from 'pg';

/** The roles the PostgreSQL tests run as, as the README sets them up: one owns the tables and migrates, the app owns nothing. */
export const TEST_OWNER_ROLE = 'onegrid_test_owner';
export const TEST_APP_ROLE = 'onegrid_test_app';

export interface TestDatabase {
  /** DATABASE_URL: the app role. */
  appUrl: string;
  /** MIGRATION_DATABASE_URL: the owner. */
  ownerUrl: string;
  name: string;
  drop(): Promise<void>;
}

async function asAdmin<T>(serverUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try { return await run(c); } finally { await c.end(); }
}

let rolesMade: Promise<void> | undefined;

/**
 * A new PostgreSQL database on the server of `serverUrl` (a role that may create roles and databases), owned by the test
 * owner role, with the URLs the app and its migrations connect with (the server trusts local connections), and a drop.
 */
export async function createTestDatabase(serverUrl: string, prefix = 'onegrid_t'): Promise<TestDatabase> {
  rolesMade ??= asAdmin(serverUrl, async (c) => {
    for (const role of [TEST_OWNER_ROLE, TEST_APP_ROLE]) {
      // Test files start in parallel: a role made by another one meanwhile is fine.
      await c.query(`do $$ begin create role ${role} login; exception when duplicate_object or unique_violation then null; end $$`);
    }
  });
  await rolesMade;
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await asAdmin(serverUrl, (c) => c.query(`create database ${name} owner ${TEST_OWNER_ROLE}`));
  const url = (user: string) => {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    u.username = user;
    u.password = '';
    return u.toString();
  };
  return {
    appUrl: url(TEST_APP_ROLE),
    ownerUrl: url(TEST_OWNER_ROLE),
    name,
    drop: () => asAdmin(serverUrl, async (c) => {
      // pool.end() resolves before its connections have closed; killing them mid-close raises an uncaught 57P01.
      for (let i = 0; i < 100 && (await c.query('select 1 from pg_stat_activity where datname = $1', [name])).rowCount; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
    }),
  };
}
