import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, allowedBindings, definePolicy } from '../../core/access/policy.js';
import { notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { requireActor } from '../../core/http.js';
import { listHolidays } from './calendar.js';

/** The district admin keeps the calendar. Not sent to the UI as abilities (/api/me stays as it was): the UI has no calendar page yet. */
export const calendarPolicy = definePolicy<Record<string, never>>('holiday', [...allow('district_admin', 'update')]);

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['catalogue'];

  app.get('/holidays', { schema: { tags } }, async (req) => {
    requireActor(req);
    return { items: await listHolidays(db()) };
  });

  app.put('/holidays/:day', { schema: { tags, params: z.object({ day: z.iso.date() }), body: z.object({ name: z.string().trim().min(1).max(30), workday: z.boolean() }) } }, async (req) => {
    const actor = requireActor(req);
    // The calendar is the district's, kept by the caller's binding allowed to update it; anyone else has no such district (404).
    const district = allowedBindings(actor, calendarPolicy, 'update')[0];
    if (!district) throw notFound('district');
    const row = { day: req.params.day, name: req.body.name, workday: req.body.workday ? 1 : 0 };
    await db().transaction().execute(async (trx) => {
      await trx.deleteFrom('holidays').where('day', '=', row.day).execute();
      await trx.insertInto('holidays').values(row).execute();
      await appendEvent(trx, actor, { entityType: 'holiday', entityId: row.day.replace(/-/g, ''), placeId: district.placeId, action: 'set', to: row });
    });
    return row;
  });
};
