import type { AppContext } from '../../core/context.js';
import { appendEvent, SYSTEM_ACTOR } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import type { Job } from '../../core/module.js';
import { currentDay } from '../../../contracts/months.js';
import { usersOfUnit } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { currentPeriod } from './checkins.js';
import { partyMsg } from './messages.js';

/** The half year before the one `day` (Beijing time) falls in: 'YYYY-H1' / 'YYYY-H2'. */
export const lastHalf = (day = currentDay()) => {
  const now = currentPeriod('half', day);
  return now.endsWith('H2') ? `${now.slice(0, 4)}-H1` : `${Number(now.slice(0, 4)) - 1}-H2`;
};

/**
 * Once a half year ends, each employer unit whose members checked in to a community that year is told that the half's
 * report of its members' service is ready (本单位党员报到 › 导出): one notice to its contacts and one event on the unit
 * per half. The event is the key: a second run, or another process's, finds it and sends nothing. Returns the units told.
 */
export async function announceEmployerReports(ctx: AppContext, day = currentDay()): Promise<number> {
  const db = ctx.handle.db;
  const half = lastHalf(day);
  const units = await db.selectFrom('party_checkins').select(['unit_id', 'place_id']).distinct()
    .where('unit_id', 'is not', null).where('year', '=', half.slice(0, 4)).execute();
  const byUnit = new Map(units.map((u) => [u.unit_id!, u.place_id]));
  if (!byUnit.size) return 0;
  const told = new Set((await db.selectFrom('events').select(['entity_id', 'to_state']).where('entity_type', '=', 'unit')
    .where('action', '=', 'employer_report_ready').where('entity_id', 'in', [...byUnit.keys()]).execute())
    .filter((e) => (JSON.parse(e.to_state ?? '{}') as { half?: string }).half === half).map((e) => e.entity_id));
  let sent = 0;
  for (const [unitId, placeId] of byUnit) {
    if (told.has(unitId)) continue;
    const contacts = await usersOfUnit(db, unitId);
    await db.transaction().execute(async (trx) => {
      await appendEvent(trx, SYSTEM_ACTOR, { entityType: 'unit', entityId: unitId, placeId, action: 'employer_report_ready', to: { half } });
      await notify(trx, contacts, { kind: 'employer_report', entityType: 'employer_report', entityId: unitId, ...msg(partyMsg.employerReportReady, { half: halfLabel(half) }) });
    });
    sent += 1;
  }
  return sent;
}

const halfLabel = (half: string) => msg(half.endsWith('H1') ? partyMsg.halfFirst : partyMsg.halfSecond, { year: half.slice(0, 4) });

/** Every six hours: the half just ended is announced to each employer once. */
export const employerReportJob: Job = {
  name: 'party.employer-report-ready',
  everyMs: 6 * 3600_000,
  firstAfterMs: 120_000,
  run: (ctx) => announceEmployerReports(ctx),
};
