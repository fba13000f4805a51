import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type TestApp } from '../test/harness.js';
import { countQueries, preparedQuery } from './db.js';
import type { PlaceLevel } from '../../contracts/places.js';

describe('preparedQuery', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('binds each run’s values by position, keeps the query’s own constants, and answers as the built query does', async () => {
    const db = t.ctx.handle.db;
    const children = preparedQuery((d, parentId: string, level: PlaceLevel) =>
      d.selectFrom('places').select(['id', 'name']).where('parent_id', '=', parentId).where('level', '=', level).orderBy('id').limit(3));
    const street = await placeByName(t, '西南街道');
    const community = await placeByName(t, '北江社区');
    for (const [parent, level] of [[street.id, 'community'], [community.id, 'grid'], [street.id, 'grid']] as const) {
      const built = await db.selectFrom('places').select(['id', 'name']).where('parent_id', '=', parent).where('level', '=', level).orderBy('id').limit(3).execute();
      expect(await children(db, parent, level)).toEqual(built);
    }
    expect((await children(db, street.id, 'community')).length).toBe(3);
    expect(await children(db, street.id, 'grid')).toEqual([]);
    // Inside a transaction too, one statement a run.
    const { result, statements } = await countQueries(() => db.transaction().execute((trx) => children(trx, community.id, 'grid')));
    expect(result.length).toBeGreaterThan(0);
    expect(statements.filter((s) => s.includes('"places"'))).toHaveLength(1);
  });
});
