import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { currentDay, currentMonth } from '../../../contracts/months.js';
import { agreementState } from '../../../contracts/units.js';
import { unitYearFigures, visiblePartnerUnit } from './deps.js';

/** The instant a Beijing-time year starts, as ISO. */
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3600_000).toISOString();

/**
 * A partner unit's annual evaluation (年度考评) for a year: its co-building agreement, the resources it published, the
 * needs it took, delivered and had rated, the joint meetings it was invited to and attended, the tasks meetings gave it,
 * and the months it chaired with their ratings. Staff over the unit, or its own contact; else 404.
 */
export async function unitEvaluation(ctx: AppContext, actor: Actor, unitId: string, year = Number(currentMonth().slice(0, 4))) {
  const db = ctx.handle.db;
  const unit = await visiblePartnerUnit(ctx, actor, unitId);
  const [from, to] = [yearStart(year), yearStart(year + 1)];
  const day = currentDay();
  const [lists, meetings, tasks, months] = await Promise.all([
    unitYearFigures(db, unit.id, from, to),
    db.selectFrom('joint_meeting_invitations as i').innerJoin('joint_meetings as m', 'm.id', 'i.meeting_id')
      .select(['m.id', 'm.title', 'm.planned_at', 'm.state', 'i.signed_in_at']).where('i.unit_id', '=', unit.id)
      .where('m.state', '!=', 'cancelled').where('m.planned_at', '>=', from).where('m.planned_at', '<', to).orderBy('m.planned_at').execute(),
    db.selectFrom('joint_meeting_tasks').select(['id', 'title', 'due_on', 'state']).where('unit_id', '=', unit.id)
      .where('created_at', '>=', from).where('created_at', '<', to).orderBy('due_on').execute(),
    db.selectFrom('chair_month_units as cu').innerJoin('chair_months as m', 'm.id', 'cu.month_id').leftJoin('chair_ratings as r', 'r.month_id', 'm.id')
      .select((eb) => ['m.id', 'm.month', 'm.state', eb.fn.avg<number>('r.rating').as('rating'), eb.fn.count<number>('r.id').as('ratings')])
      .where('cu.unit_id', '=', unit.id).where('m.month', '>=', `${year}-01`).where('m.month', '<=', `${year}-12`)
      .groupBy(['m.id', 'm.month', 'm.state']).orderBy('m.month').execute(),
  ]);
  const chairMonths = months.map((m) => ({ id: m.id, month: m.month, state: m.state, rating: m.rating === null ? null : Math.round(Number(m.rating) * 10) / 10, ratings: Number(m.ratings) }));
  const rated = chairMonths.filter((m) => m.rating !== null);
  return {
    year, unit: { id: unit.id, name: unit.name, partnerKind: unit.partner_kind, placeId: unit.place_id, placeName: unit.place_name },
    agreement: { state: agreementState(unit.term_end, day), termStart: unit.term_start, termEnd: unit.term_end },
    ...lists,
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, plannedAt: m.planned_at, state: m.state, attended: m.signed_in_at !== null })),
    meetingsInvited: meetings.length, meetingsAttended: meetings.filter((m) => m.signed_in_at !== null).length,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, dueOn: t.due_on, state: t.state, overdue: t.state === 'open' && t.due_on < day })),
    tasksDone: tasks.filter((t) => t.state === 'done').length,
    chairMonths,
    chairRating: rated.length ? Math.round((rated.reduce((s, m) => s + m.rating!, 0) / rated.length) * 10) / 10 : null,
  };
}
