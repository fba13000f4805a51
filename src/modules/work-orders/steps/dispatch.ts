import { invalid, notFound } from '../../../core/errors.js';
import { holdsRoleOver } from '../../accounts/index.js';
import { findVisibleUnit } from '../../units/index.js';
import type { Step } from './step.js';
import { addWorkingDays, DEFAULT_DAYS, loadCalendar } from '../deadlines.js';
import { assigneeUsers, notify } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const dispatch: Step<'dispatch'> = async ({ ctx, actor, order, now }, input) => {
  const { db } = ctx.handle;
  const { kind, id } = input.assignee;
  if (kind === 'user') {
    // A grid worker or community worker whose area holds the order's place.
    if (!(await holdsRoleOver(db, id, ['grid_worker', 'community_worker'], order.place_path))) {
      throw invalid('assignee.id', workOrderMsg.badAssignee, 'bad_assignee');
    }
  } else {
    if (!(await findVisibleUnit(db, actor, id))) throw notFound('unit');
  }
  const contactDue = addWorkingDays(new Date(now), DEFAULT_DAYS.contact, await loadCalendar(db)).toISOString();
  return {
    set: { assignee_kind: kind, assignee_id: id, dispatcher_id: actor.userId, contact_due: contactDue },
    from: { assignee: order.assignee_kind ? { kind: order.assignee_kind, id: order.assignee_id } : null },
    data: { assignee: { kind, id } },
    reason: input.note ?? null,
    after: async (trx, o) => notify(trx, await assigneeUsers(trx, kind, id), { kind: 'dispatched', entityId: o.id, ...msg(workOrderMsg.dispatched, { title: o.title }) }),
  };
};
