import pg from 'pg';

export interface FreshDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * The browser tests run after the API tests on the same DATABASE_URL, so they get a database of their own,
 * created next to it on the same PostgreSQL server and dropped at the end: the server seeds the demo into it.
 */
export async function freshDatabase(baseUrl: string): Promise<FreshDatabase> {
  const url = new URL(baseUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
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
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
