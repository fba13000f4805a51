import type { AppContext } from '../../core/context.js';
import { appendEvent, SYSTEM_ACTOR } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import type { Job } from '../../core/module.js';
import { currentMonth } from '../../../contracts/months.js';
import { notify, usersOfUnit } from './deps.js';
import { chairMsg } from './messages.js';

/**
 * At the start of its month, each chair still without a plan hears it chairs (its units' contacts, in their inbox) once:
 * the reminder is one row per community and month, so a second run, or another process, sends nothing. One `remind`
 * event on the month. Returns the months reminded.
 */
export async function remindChairs(ctx: AppContext, now = new Date()): Promise<string[]> {
  const db = ctx.handle.db;
  const month = currentMonth(now);
  const due = await db.selectFrom('chair_months as m').innerJoin('places as p', 'p.id', 'm.place_id').select(['m.id', 'm.place_id', 'p.name'])
    .where('m.month', '=', month).where('m.state', '=', 'scheduled')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('council_reminders as r').select('r.place_id').whereRef('r.place_id', '=', 'm.place_id')
      .where('r.kind', '=', 'chair').where('r.period', '=', month))))
    .orderBy('m.place_path').execute();
  const told: string[] = [];
  for (const m of due) {
    await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('council_reminders').values({ kind: 'chair', place_id: m.place_id, period: month, sent_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return;
      const units = await trx.selectFrom('chair_month_units').select('unit_id').where('month_id', '=', m.id).execute();
      const users = (await Promise.all(units.map((u) => usersOfUnit(trx, u.unit_id)))).flat();
      await notify(trx, users, { kind: 'chair_month', entityType: 'chair_month', entityId: m.id, ...msg(chairMsg.monthStart, { month, place: m.name }) });
      await appendEvent(trx, SYSTEM_ACTOR, { entityType: 'chair_month', entityId: m.id, placeId: m.place_id, action: 'remind', to: { users: users.length } }, now.toISOString());
      told.push(m.id);
    });
  }
  return told;
}

/** Declared in the manifest; runs every hour, so a month's chairs hear it within an hour of the month starting. */
export const chairReminderJob: Job = { name: 'joint-meetings.chair-month-start', everyMs: 3600_000, firstAfterMs: 10_000, run: (ctx) => remindChairs(ctx) };
