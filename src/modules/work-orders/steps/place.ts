import { isInScope } from '../../../core/access/scope.js';
import { invalid, notFound } from '../../../core/errors.js';
import { findPlace } from '../../places/index.js';
import type { Step } from './step.js';
import { officeOf } from '../queries.js';
import { workOrderMsg } from '../messages.js';

/**
 * Places an unplaced demand (an Open311 pin on the API key's street) in a community or below it, inside the area it came
 * to and the caller's own: its office becomes that community's, whose inbox it then waits in to be accepted.
 */
export const place: Step<'place'> = async ({ ctx, actor, order }, input) => {
  const target = await findPlace(ctx.handle.db, input.placeId);
  if (!target || !isInScope(actor, target.path)) throw notFound('place');
  const office = officeOf(target.path);
  if (!office || !target.path.startsWith(order.place_path)) throw invalid('placeId', workOrderMsg.placeOutside, 'place_too_high');
  return {
    set: { place_id: target.id, place_path: target.path, office_id: office },
    from: { placeId: order.place_id },
    data: { placeId: target.id, placeName: target.name },
  };
};
