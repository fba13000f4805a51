import { inSubtrees } from '../../core/access/scope.js';
import type { Figure } from '../../core/module.js';
import { OPEN_STATES } from '../../../contracts/work-orders.js';
import { workOrderMsg } from './messages.js';

const count = (n: { n: number | string } | undefined) => Number(n?.n ?? 0);

/** What work orders offer the command dashboard: counts for a place's subtree in a period, each one indexed range. */
export const workOrderFigures: Figure[] = [
  {
    key: 'work_orders.received', label: workOrderMsg.figureReceived, unit: 'count',
    query: async (db, path, { from, to }) => count(await db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => inSubtrees(eb, 'place_path', [path])).where('received_at', '>=', from).where('received_at', '<', to).executeTakeFirst()),
  },
  {
    key: 'work_orders.resolved', label: workOrderMsg.figureResolved, unit: 'count',
    query: async (db, path, { from, to }) => count(await db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => inSubtrees(eb, 'place_path', [path])).where('resolved_at', '>=', from).where('resolved_at', '<', to).executeTakeFirst()),
  },
  {
    key: 'work_orders.overdue', label: workOrderMsg.figureOverdue, unit: 'count',
    // The state at the end of the period: open, and past its deadline by then.
    query: async (db, path, { to }) => count(await db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => inSubtrees(eb, 'place_path', [path])).where('state', 'in', OPEN_STATES.filter((s) => s !== 'resolved' && s !== 'followed_up'))
      .where('resolve_due', '<', to).where('received_at', '<', to).executeTakeFirst()),
  },
];
