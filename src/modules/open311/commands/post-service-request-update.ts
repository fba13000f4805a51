import { isWithin } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import { appendEvent } from '../../../core/events.js';
import { notify } from '../../notifications/index.js';
import { assigneeUsers } from '../../work-orders/index.js';
import { apiKeyActor, type ApiKeyRow } from '../../api-keys/index.js';
import type { Fields } from '../fields.js';
import { findOrderByTrackingNo, listUpdates } from '../queries.js';
import { badRequest, notFound311 } from '../respond.js';
import { mediaLinks, withMedia } from '../views.js';
import { open311Msg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

/**
 * Records a client's update (a resident's comment on FixMyStreet, say) as a `comment` event on the order, and tells
 * its taker and dispatcher. The client's status is kept but changes nothing: only the office moves an order.
 * The same client update_id again answers the update already recorded.
 */
export async function postServiceRequestUpdate(ctx: AppContext, key: ApiKeyRow, f: Fields) {
  const { db } = ctx.handle;
  const id = f.get('service_request_id');
  if (!id) throw badRequest('service_request_id is required');
  const order = await findOrderByTrackingNo(db, id);
  if (!order || !isWithin(order.place_path, key.place_path)) throw notFound311(`service_request_id ${id} not found`);
  const text = f.get('description');
  if (!text) throw badRequest('description is required');
  const clientUpdateId = f.get('update_id') ?? null;
  const status = f.get('status')?.toLowerCase() ?? null;
  if (clientUpdateId) {
    const earlier = await db.selectFrom('events').select(['id', 'to_state']).where('entity_type', '=', 'work_order')
      .where('entity_id', '=', order.id).where('action', '=', 'comment').execute();
    const same = earlier.find((e) => e.to_state && JSON.parse(e.to_state).clientUpdateId === clientUpdateId);
    if (same) return (await listUpdates(db, { eventId: Number(same.id) })).updates[0]!;
  }
  const comment = withMedia(text.slice(0, 2000), mediaLinks(f.all('media_url')));
  const author = f.personName();
  const eventId = await db.transaction().execute(async (trx) => {
    await appendEvent(trx, apiKeyActor(key), {
      entityType: 'work_order', entityId: order.id, placeId: order.place_id, action: 'comment',
      to: { state: order.state, comment, author, clientUpdateId, clientStatus: status, clientUpdatedAt: f.get('updated_datetime') ?? null },
    });
    const added = await trx.selectFrom('events').select('id').where('entity_type', '=', 'work_order').where('entity_id', '=', order.id)
      .where('action', '=', 'comment').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const users = [...(await assigneeUsers(trx, order.assignee_kind, order.assignee_id)), order.dispatcher_id];
    await notify(trx, users, { kind: 'comment', entityType: 'work_order', entityId: order.id, ...msg(open311Msg.residentComment, { title: order.title }) });
    return Number(added.id);
  });
  return (await listUpdates(db, { eventId })).updates[0]!;
}
