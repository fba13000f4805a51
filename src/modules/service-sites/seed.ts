import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import type { ServiceSiteTable } from './tables.js';

/** 便民服务点 a compound may have: what it offers at neighbour prices, and when. */
const POINTS = [
  { name: '邻里理发便民点', hours: '每天 8:30-18:00', services: '老人理发8元,行动不便可上门' },
  { name: '家电维修便民点', hours: '周一至周六 9:00-19:00', services: '小家电维修、燃气灶清洗,零件按进价' },
  { name: '缝补修鞋便民点', hours: '每天 8:00-17:30', services: '改衣、缝补、修鞋、配钥匙' },
  { name: '平价果蔬便民点', hours: '每天 7:00-20:00', services: '社区团购果蔬,低保户九折' },
] as const;

/**
 * The demo street's service centre, a service station in each of its communities, and in the demo community a service
 * point in each of its first compounds: no random draws, so the other seeds' demo stays the same.
 */
export const serviceSiteSeed: Seed = {
  async run(ctx, demo) {
    const { db } = ctx.handle;
    const street = demo.places.street;
    const communities = await db.selectFrom('places').select(['id', 'name', 'path']).where('level', '=', 'community')
      .where('path', 'like', `${street.path}%`).orderBy('path').execute();
    const compounds = await db.selectFrom('places').select(['id', 'name', 'path']).where('level', '=', 'compound')
      .where('path', 'like', `${demo.places.community.path}%`).orderBy('path').limit(POINTS.length).execute();
    const now = nowIso();
    const site = (kind: ServiceSiteTable['kind'], place: { id: string; path: string }, name: string, address: string, hours: string, services: string): ServiceSiteTable => ({
      id: newId(), kind, name, place_id: place.id, place_path: place.path, address, hours, services, lng: null, lat: null, outline: null, state: 'open', version: 1, created_at: now, updated_at: now,
    });
    const rows: ServiceSiteTable[] = [
      site('service_centre', street, `${street.name}党群服务中心`, `${street.name}办事处一楼`, '周一至周五 8:30-12:00, 14:30-17:30;周六 9:00-17:00',
        '政务服务一窗受理、党员活动、志愿服务登记、法律咨询'),
      ...communities.map((c) => site('service_centre', c, `${c.name}党群服务站`, `${c.name}居委会`, '周一至周六 8:30-17:30', '居民事务代办、老年人助餐、四点半课堂、议事协商')),
      ...compounds.map((c, i) => site('service_point', c, `${c.name}${POINTS[i]!.name}`, `${c.name}门口`, POINTS[i]!.hours, POINTS[i]!.services)),
    ];
    const events: NewEvent[] = rows.map((r) => ({ entityType: 'service_site', entityId: r.id, placeId: r.place_id, action: 'create',
      to: { state: 'open', kind: r.kind, name: r.name }, reason: 'demo data' }));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('service_sites').values(rows.slice(i, i + 200)).execute();
      await appendEvents(trx, SYSTEM_ACTOR, events);
    });
    demo.log(`seeded ${rows.length} service sites`);
  },
};
