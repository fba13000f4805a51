import type { AppContext } from '../../core/context.js';
import { msg } from '../../core/i18n.js';
import type { Job } from '../../core/module.js';
import { quarterOf } from '../../../contracts/joint-meetings.js';
import { currentDay } from '../../../contracts/months.js';
import { notify, usersWithRoleOver } from './deps.js';
import { meetingMsg } from './messages.js';

/** How many days before a quarter ends its convenors hear that no joint meeting was held in it. */
export const QUARTER_WARNING_DAYS = 15;

/**
 * In the last days of a quarter (Beijing time), each street or community with partner units registered on it that has
 * held no joint meeting in the quarter reminds its convenors (the community's workers, the street's staff) once: the
 * reminder is one row per place and quarter, so a second run, or another process, sends nothing. Returns the places told.
 */
export async function remindQuarter(ctx: AppContext, now = new Date()): Promise<string[]> {
  const db = ctx.handle.db;
  const day = currentDay(now);
  const quarter = quarterOf(day);
  const lastMs = Date.parse(`${quarter.last}T00:00:00Z`);
  if (lastMs - Date.parse(`${day}T00:00:00Z`) >= QUARTER_WARNING_DAYS * 86_400_000) return [];
  const [from, to] = [new Date(Date.parse(`${quarter.first}T00:00:00+08:00`)).toISOString(), new Date(lastMs + 16 * 3600_000).toISOString()];
  const places = await db.selectFrom('places as p').select(['p.id', 'p.name', 'p.path', 'p.level']).where('p.level', 'in', ['street', 'community'])
    .where(({ exists, selectFrom }) => exists(selectFrom('units').select('units.id').whereRef('units.place_id', '=', 'p.id').where('units.kind', '=', 'partner_unit')))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('joint_meetings as m').select('m.id').whereRef('m.place_id', '=', 'p.id')
      .where('m.state', 'in', ['held', 'minutes_published']).where('m.held_at', '>=', from).where('m.held_at', '<', to))))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('council_reminders as r').select('r.place_id').whereRef('r.place_id', '=', 'p.id')
      .where('r.kind', '=', 'quarter').where('r.period', '=', quarter.key))))
    .orderBy('p.path').execute();
  const told: string[] = [];
  for (const p of places) {
    await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('council_reminders').values({ kind: 'quarter', place_id: p.id, period: quarter.key, sent_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return;
      const convenors = (await usersWithRoleOver(trx, p.path, [p.level === 'street' ? 'street_staff' : 'community_worker']));
      await notify(trx, convenors, { kind: 'joint_meeting_due', entityType: 'place', entityId: p.id, ...msg(meetingMsg.quarterDue, { place: p.name, quarter: quarter.key, last: quarter.last }) });
      told.push(p.id);
    });
  }
  return told;
}

/** Declared in the manifest; the one job runner (core/jobs.ts) runs it every hour in one app process at a time. */
export const quarterReminderJob: Job = { name: 'joint-meetings.quarter-reminder', everyMs: 3600_000, firstAfterMs: 90_000, run: (ctx) => remindQuarter(ctx) };
