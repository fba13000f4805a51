import type { TestApp } from '../../test/harness.js';
import { placeByName } from '../../test/harness.js';
import { DEMO_API_KEY, seedDemoApiKey } from './seed.js';

export { DEMO_API_KEY };
import { hashApiKey } from './api-keys.js';

/** The demo key (bound to 西南街道), seeded when the demo did not already issue it. */
export async function demoKey(t: TestApp): Promise<string> {
  const db = t.ctx.handle.db;
  if (!(await db.selectFrom('api_keys').select('id').where('key_hash', '=', hashApiKey(DEMO_API_KEY)).executeTakeFirst())) {
    await seedDemoApiKey(t.ctx, await placeByName(t, '西南街道'));
  }
  return DEMO_API_KEY;
}
