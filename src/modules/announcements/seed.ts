import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import type { AnnouncementTable } from './tables.js';

const DAY = 86400_000;

/** Demo notices: 西南街道 to all its communities, 北江社区 to its residents; one draft and one withdrawn among them. */
const NOTICES = [
  { office: '西南街道', title: '关于开展冬季消防安全大排查的通知', body: '各社区:请于本月底前完成辖区内小区、商铺的消防通道和电动车充电点排查,并报送排查台账。', state: 'published', days: 9 },
  { office: '西南街道', title: '西南街道2026年度志愿服务表彰名单公示', body: '经各社区推荐、街道审核,现将拟表彰名单予以公示,公示期5个工作日。', state: 'withdrawn', days: 20 },
  { office: '北江社区', title: '北江社区停水通知', body: '因市政管网维修,本周六8:00至18:00北江社区全域停水,请居民提前储水。', state: 'published', days: 2 },
  { office: '北江社区', title: '北江社区党群服务中心开放时间调整', body: '自下月起,党群服务中心周末开放时间调整为9:00至17:00。', state: 'published', days: 5 },
  { office: '北江社区', title: '垃圾分类宣传周活动安排(草稿)', body: '活动时间、地点待定。', state: 'draft', days: 0 },
] as const;

export const announcementSeed: Seed = {
  async run(ctx, demo) {
    const { db } = ctx.handle;
    const offices = await db.selectFrom('places').select(['id', 'name', 'path']).where('name', 'in', ['西南街道', '北江社区']).where('level', 'in', ['street', 'community']).execute();
    const author = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['xinan', 'beijiang']).execute();
    const rows: AnnouncementTable[] = [];
    const events: NewEvent[] = [];
    for (const n of NOTICES) {
      const office = offices.find((o) => o.name === n.office);
      const by = author.find((a) => a.username === (n.office === '西南街道' ? 'xinan' : 'beijiang'));
      if (!office || !by) continue;
      const at = new Date(Date.now() - n.days * DAY).toISOString();
      const id = newId();
      // The history the state table would have written: created, then published, then withdrawn.
      const steps = (['publish', 'withdraw'] as const).slice(0, ['draft', 'published', 'withdrawn'].indexOf(n.state));
      rows.push({ id, title: n.title, body: n.body, place_id: office.id, place_path: office.path, office_id: office.id, office_path: office.path, state: n.state,
        author_id: by.id, published_at: n.state === 'draft' ? null : at, withdrawn_at: n.state === 'withdrawn' ? at : null, version: 1 + steps.length,
        created_at: at, updated_at: at });
      const event = (action: string, from: unknown, to: unknown): NewEvent => ({ entityType: 'announcement', entityId: id, placeId: office.id, action, from, to, reason: 'demo data', at });
      events.push(event('create', undefined, { state: 'draft', officeId: office.id }));
      if (steps.includes('publish')) events.push(event('publish', { state: 'draft' }, { state: 'published' }));
      if (steps.includes('withdraw')) events.push(event('withdraw', { state: 'published' }, { state: 'withdrawn' }));
    }
    if (!rows.length) return;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('announcements').values(rows).execute();
      await appendEvents(trx, SYSTEM_ACTOR, events);
    });
    demo.log(`seeded ${rows.length} announcements`);
  },
};
