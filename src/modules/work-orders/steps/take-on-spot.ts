import type { Step } from './step.js';

/**
 * The grid worker handles what he found on patrol himself: accepted, dispatched to him and contacted at once, so the
 * response counts as met and the order is his to resolve. Reads nothing (it also runs inside the filing's transaction).
 */
export const takeOnSpot: Step<'take_on_spot'> = async ({ actor, now }) => ({
  set: { accepted_at: now, assignee_kind: 'user', assignee_id: actor.userId, dispatcher_id: actor.userId, contact_due: now, first_contact_at: now },
  data: { assignee: { kind: 'user', id: actor.userId } },
});
