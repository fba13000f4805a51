import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../platform.js';
import { pathCopies } from '../core/registry.js';
import { createTestApp, type TestApp } from './harness.js';

/** A column that may hold a copy of a place's path: `place_path`, or any other `…_path`. */
const isPathColumn = (name: string) => name === 'place_path' || name.endsWith('_path');
/** The place a copy belongs to: `place_path` sits beside `place_id` (`x_path` beside `x_id`). */
const idColumnOf = (pathColumn: string) => pathColumn.replace(/_path$/, '_id');

/**
 * A move re-paths only the tables the manifests declare (core/place-paths.ts): a table that copies a place path without
 * declaring it keeps the old path, and its rows fall out of everyone's scope after a move. The live schema is the list.
 */
describe('path copies: every copy of a place path is declared', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const liveColumns = async () => {
    const tables = await t.ctx.handle.db.introspection.getTables();
    return tables.flatMap((table) => table.columns.map((c) => ({ table: table.name, column: c.name })));
  };
  const declared = () => pathCopies().map(({ table, column = 'place_path' }) => `${table}.${column}`);

  it('every place-path column in the migrated schema is in some manifest\'s pathCopies', async () => {
    const found = (await liveColumns())
      // places.path is the source the copies are taken from.
      .filter((c) => isPathColumn(c.column) && !(c.table === 'places' && c.column === 'path'))
      .map((c) => `${c.table}.${c.column}`)
      .sort();
    expect(found.length, 'no place-path column found: did the schema change its naming?').toBeGreaterThan(0);
    expect(found.filter((c) => !declared().includes(c)), 'place-path columns that no manifest declares in pathCopies').toEqual([]);
  });

  it('every declared copy is a real column, beside the id of its place', async () => {
    const live = new Set((await liveColumns()).map((c) => `${c.table}.${c.column}`));
    const missing = pathCopies().flatMap(({ table, column = 'place_path' }) =>
      [`${table}.${column}`, `${table}.${idColumnOf(column)}`].filter((c) => !live.has(c)));
    expect(missing, 'pathCopies naming columns the schema does not have').toEqual([]);
  });

  it('in the demo data each copy equals the path of its row\'s place', async () => {
    const db = t.ctx.handle.db;
    const stale: string[] = [];
    for (const { table, column = 'place_path' } of pathCopies()) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} t join places p on p.id = t.${sql.ref(idColumnOf(column))}
        where t.${sql.ref(column)} <> p.path`.execute(db);
      if (Number(rows[0]!.n) > 0) stale.push(`${table}.${column}: ${rows[0]!.n} rows`);
    }
    expect(stale, 'rows whose copied path is not their place\'s path').toEqual([]);
  });
});
