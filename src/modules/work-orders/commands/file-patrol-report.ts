import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { applyStep, checkStep } from '../../../core/lifecycle/engine.js';
import type { StepResult } from '../../../core/lifecycle/types.js';
import { nowIso } from '../../../core/ids.js';
import { saveAttachments, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../../attachments/index.js';
import type { TPatrolReport } from '../schema.js';
import { workOrderLifecycle as def } from '../lifecycle.js';
import { orderAttachmentOwner, toWorkOrder, type WorkOrderRow } from '../queries.js';
import { toRecord } from '../record.js';
import { fileDemand } from './file-demand.js';

/**
 * A grid worker's patrol report with its photos, in one transaction. `handledOnSpot` (现场处置): he has already dealt with
 * it, so in the same transaction he takes it on the spot and resolves it with his result: the file, take_on_spot and
 * resolve events, each the state table's own step with its checks (who, state, guard), as if taken one after the other.
 */
export async function filePatrolReport(ctx: AppContext, actor: Actor, input: TPatrolReport, photos: CheckedPhoto[]) {
  const { handledOnSpot, result, ...demand } = input;
  let last: WorkOrderRow | undefined;
  const afterCommit: ((o: WorkOrderRow) => Promise<void>)[] = [];
  const filed = await withAttachmentFiles((written) => fileDemand(ctx, { staff: actor }, { ...demand, channel: 'grid_patrol' }, async (trx, row) => {
    await saveAttachments(trx, uploadRoot(ctx.config), orderAttachmentOwner(row), 'report', photos, actor, written);
    if (handledOnSpot !== 'true') return;
    last = row;
    for (const [action, body] of [['take_on_spot', {}], ['resolve', { result: result! }]] as const) {
      const record = toRecord(last);
      checkStep(def, action, actor, record, record.version);
      const now = nowIso();
      // Both steps' work reads nothing outside this transaction (SQLite has one connection, which it holds).
      const step = (await def.steps[action].run?.({ ctx, caller: actor, actor, record, now }, { version: record.version, ...body })) as StepResult<WorkOrderRow> ?? {};
      last = (await applyStep(trx, def, actor, record, action, step, now)) as WorkOrderRow;
      if (step.afterCommit) afterCommit.push(step.afterCommit);
    }
  }));
  if (!last) return filed;
  for (const run of afterCommit) await run(last);
  return toWorkOrder(last);
}
