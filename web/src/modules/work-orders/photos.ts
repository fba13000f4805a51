import type { WorkOrderDetail } from './api';

/** As the server counts them: six photos of the work for each round of handling (a reopened order needs fresh ones). */
export const PHOTOS_PER_ROUND = 6;

export function resolvePhotosLeft(detail: WorkOrderDetail): number {
  const taken = detail.photos.filter((p) => p.stage === 'resolve').length;
  return Math.max(0, PHOTOS_PER_ROUND * (detail.order.reopenCount + 1) - taken);
}
