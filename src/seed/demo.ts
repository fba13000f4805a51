import '../platform.js';
import { sql } from 'kysely';
import type { Role } from '../core/access/roles.js';
import type { AppContext } from '../core/context.js';
import { installedModules } from '../core/registry.js';
import { appendEvents, SYSTEM_ACTOR } from '../core/events.js';
import { newId, nowIso } from '../core/ids.js';
import { hashPassword } from '../core/auth/password.js';
import type { DemoContext, DemoPlace } from '../core/module.js';
import { importDivisions } from '../modules/places/index.js';
import { listUnitsOfKind } from '../modules/units/index.js';
import { generateBelow, type GenerateOptions } from './generate.js';
import { createRandom } from './random.js';

export const DEMO_PASSWORD = 'OneGrid!2026';

/** The demo accounts: one per role, on real places of 西南街道 (the README's table). */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; place: (p: DemoPlaces) => DemoPlace; unit?: string }[] = [
  { username: 'admin', displayName: '区社工部管理员', role: 'district_admin', place: (p) => p.district },
  { username: 'xinan', displayName: '西南街道工作人员', role: 'street_staff', place: (p) => p.street },
  { username: 'beijiang', displayName: '北江社区社工', role: 'community_worker', place: (p) => p.community },
  { username: 'grid1', displayName: '北江社区第1网格员', role: 'grid_worker', place: (p) => p.grid1 },
  { username: 'grid2', displayName: '北江社区第2网格员', role: 'grid_worker', place: (p) => p.grid2 },
  { username: 'louzhang', displayName: '党员楼长', role: 'building_head', place: (p) => p.building },
  { username: 'dangyuan', displayName: '党员', role: 'party_member', place: (p) => p.household },
  { username: 'zaizhi', displayName: '在职党员', role: 'party_member', place: (p) => p.community },
  { username: 'gongjian', displayName: '共建单位联络人', role: 'partner_contact', place: (p) => p.community, unit: '三水区人民医院' },
  { username: 'chengguan', displayName: '城管执法中队联络人', role: 'partner_contact', place: (p) => p.street, unit: '城管执法中队' },
  { username: 'jumin', displayName: '居民', role: 'resident', place: (p) => p.household },
];

type DemoPlaces = DemoContext['places'];

/** Seeds an empty database: the district's divisions from the official codes, then grids to residents for the demo street. */
export const DEMO_SIZE: DemoSize = {
  gridsPerCommunity: [3, 5], compoundsPerGrid: [2, 3], buildingsPerCompound: [2, 4], householdsPerBuilding: [6, 12], residentsPerHousehold: [1, 4],
  historyMonths: 12,
};
/** A small demo for tests: the same shape, a tenth of the households. */
export const TEST_DEMO_SIZE: DemoSize = {
  gridsPerCommunity: [2, 2], compoundsPerGrid: [1, 2], buildingsPerCompound: [1, 2], householdsPerBuilding: [2, 3], residentsPerHousehold: [1, 3],
  historyMonths: 0,
};
type DemoSize = Pick<GenerateOptions, 'gridsPerCommunity' | 'compoundsPerGrid' | 'buildingsPerCompound' | 'householdsPerBuilding' | 'residentsPerHousehold'> & {
  /** Months of work-order history to generate (none in tests, which build their own). */
  historyMonths: number;
};

/**
 * Seeds an empty database: the district's divisions from the official codes and grids to residents for the demo street
 * (the places), then each module's seed in manifest order, with the demo accounts after those the accounts link to (units).
 */
export async function seedDemoIfEmpty(ctx: AppContext, log: (msg: string) => void = () => {}, size: DemoSize = DEMO_SIZE): Promise<boolean> {
  const { db } = ctx.handle;
  const any = await db.selectFrom('places').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const started = Date.now();
  const { district } = await importDivisions(db, ctx.config.districtCode);
  const street = await db.selectFrom('places').selectAll().where('code', '=', ctx.config.demoStreetCode).executeTakeFirst();
  if (!street) throw new Error(`Demo street ${ctx.config.demoStreetCode} is not under district ${ctx.config.districtCode}`);
  const communities = await db.selectFrom('places').selectAll().where('parent_id', '=', street.id).orderBy('sort_order').execute();
  const random = createRandom(20261124);
  const counts = await generateBelow(db, ctx.cipher, random, communities, { ...size, events: true, areaCode: ctx.config.districtCode });
  const community = communities.find((c) => c.name === '北江社区') ?? communities[0]!;
  const byName = (parent: string, name: string) =>
    db.selectFrom('places').select(['id', 'path', 'name']).where('parent_id', '=', parent).where('name', '=', name).executeTakeFirstOrThrow();
  const firstChild = (parent: string) =>
    db.selectFrom('places').select(['id', 'path', 'name']).where('parent_id', '=', parent).orderBy('sort_order').orderBy('name').executeTakeFirstOrThrow();
  const grid1 = await byName(community.id, `${community.name}第1网格`);
  const grid2 = await byName(community.id, `${community.name}第2网格`);
  const building = await firstChild((await firstChild(grid1.id)).id);
  const household = await firstChild(building.id);
  const place = (p: { id: string; path: string; name: string }) => ({ id: p.id, path: p.path, name: p.name });
  const demo: DemoContext = {
    log, historyMonths: size.historyMonths, random, users: {},
    places: { district: place(district), street: place(street), community: place(community), grid1, grid2, building, household },
  };
  const seeds = installedModules().flatMap((m) => (m.seed ? [m.seed] : []));
  for (const seed of seeds.filter((s) => s.beforeAccounts)) await seed.run(ctx, demo);
  demo.users = await createDemoAccounts(ctx, demo.places);
  for (const seed of seeds.filter((s) => !s.beforeAccounts)) await seed.run(ctx, demo);
  // Fresh planner statistics: without them SQLite reads whole indexes for subtree counts.
  await sql`analyze`.execute(db);
  log(`seeded demo: ${communities.length} communities, ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
  return true;
}

/** The demo accounts, partner contacts linked to their units (seeded before them): each by username, for the seeds after. */
async function createDemoAccounts(ctx: AppContext, places: DemoPlaces): Promise<DemoContext['users']> {
  const now = nowIso();
  const hash = await hashPassword(DEMO_PASSWORD);
  const units = new Map([...await listUnitsOfKind(ctx.handle.db, 'department'), ...await listUnitsOfKind(ctx.handle.db, 'partner_unit')].map((u) => [u.name, u.id]));
  const rows = DEMO_ACCOUNTS.map((a) => ({ a, id: newId(), place: a.place(places) }));
  await ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(rows.map(({ a, id, place }) => ({
      id, username: a.username, display_name: a.displayName, password_hash: hash, place_id: place.id, place_path: place.path,
      failed_logins: 0, locked_until: null, disabled: 0, locale: 'zh-CN', unit_id: a.unit ? units.get(a.unit)! : null, version: 1, created_at: now, updated_at: now,
    }))).execute();
    await trx.insertInto('role_bindings').values(rows.map(({ a, id, place }) => ({ id: newId(), user_id: id, role: a.role, place_id: place.id, created_at: now }))).execute();
    await appendEvents(trx, SYSTEM_ACTOR, rows.map(({ a, id, place }) => ({
      entityType: 'user', entityId: id, placeId: place.id, action: 'create', to: { username: a.username, roles: [{ role: a.role, placeId: place.id }] }, reason: 'demo data',
    })), now);
  });
  return Object.fromEntries(rows.map(({ a, id }) => [a.username, { id, displayName: a.displayName }]));
}
