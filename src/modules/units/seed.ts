import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { currentDay } from '../../../contracts/months.js';
import type { PartnerKind } from '../../../contracts/units.js';
import type { UnitAgreementTable, UnitTable } from './tables.js';

/** The street's departments that work orders are dispatched to, and the community's partner units. */
export const DEMO_DEPARTMENTS = ['城管执法中队', '住建办', '市政维护所', '供电所', '社保所', '综治中心'];
export const DEMO_PARTNER_UNITS = ['三水区人民医院', '西南中学', '三水供电局党支部'];
const DEMO_PARTNER_KINDS: PartnerKind[] = ['hospital', 'school', 'company'];

/** Each community's further partner units (its short name in front): 10 with the three above, 12 elsewhere. */
const MORE_PARTNERS: [string, PartnerKind][] = [
  ['小学', 'school'], ['幼儿园', 'school'], ['卫生服务站', 'hospital'], ['燃气公司党支部', 'company'], ['电信营业部', 'company'], ['物业服务中心', 'property_company'],
  ['社工服务站', 'social_org'], ['志愿者协会', 'social_org'], ['派出所警务室', 'agency'], ['司法所', 'agency'], ['供水所', 'company'], ['邮政支局', 'company'],
];
const COMMITMENTS = '每季度参加联席会议;每年认领不少于3项居民需求;开放单位场地和专业服务资源。';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Runs before the demo accounts: the partner contacts are linked to these units. Every partner unit but the last of a community has an agreement. */
export const unitSeed: Seed = {
  beforeAccounts: true,
  async run(ctx, { places }) {
    const now = nowIso();
    const today = currentDay();
    const unit = (name: string, kind: UnitTable['kind'], at: { id: string; path: string }, partnerKind: PartnerKind | null = null): UnitTable =>
      ({ id: newId(), kind, name, partner_kind: partnerKind, contact_name: null, contact_title: null, place_id: at.id, place_path: at.path, version: 1, created_at: now, updated_at: now });
    const communities = await ctx.handle.db.selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'community')
      .where('path', 'like', `${places.street.path}%`).orderBy('path').execute();
    const partners: UnitTable[] = DEMO_PARTNER_UNITS.map((n, i) => unit(n, 'partner_unit', places.community, DEMO_PARTNER_KINDS[i]!));
    for (const c of communities) {
      const short = c.name.replace(/社区$/, '');
      const more = c.id === places.community.id ? MORE_PARTNERS.slice(0, 10) : MORE_PARTNERS;
      partners.push(...more.map(([n, k]) => ({ ...unit(`${short}${n}`, 'partner_unit', c, k), contact_name: '联络员', contact_title: '党支部书记' })));
    }
    const agreements: UnitAgreementTable[] = [];
    partners.forEach((u, i) => {
      const last = i === partners.length - 1 || partners[i + 1]!.place_id !== u.place_id;
      if (last) return;
      // Most run a year or more ahead; every fifth lapses within 30 days, every ninth has lapsed.
      const end = i % 9 === 8 ? addDays(today, -10) : i % 5 === 4 ? addDays(today, 5 + (i % 20)) : addDays(today, 120 + 7 * i);
      agreements.push({ id: newId(), unit_id: u.id, place_id: u.place_id, place_path: u.place_path, term_start: addDays(end, -730), term_end: end,
        commitments: COMMITMENTS, version: 1, created_at: now, updated_at: now });
    });
    const units = [...DEMO_DEPARTMENTS.map((n) => unit(n, 'department', places.street)), ...partners];
    await ctx.handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('units').values(units).execute();
      if (agreements.length) await trx.insertInto('unit_agreements').values(agreements).execute();
      await appendEvents(trx, SYSTEM_ACTOR, [
        ...units.map((u) => ({ entityType: 'unit', entityId: u.id, placeId: u.place_id, action: 'create', to: { name: u.name, kind: u.kind, partnerKind: u.partner_kind }, reason: 'demo data' })),
        ...agreements.map((a) => ({ entityType: 'unit', entityId: a.unit_id, placeId: a.place_id, action: 'sign_agreement', to: { termStart: a.term_start, termEnd: a.term_end }, reason: 'demo data' })),
      ], now);
    });
  },
};
