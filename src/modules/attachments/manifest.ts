import { defineModule } from '../../core/module.js';
import { attachmentSweepJob } from './sweep.js';

/**
 * Files any record can carry (work-order photos now; needs, proposals and mediation next). The owning module serves
 * them under its own URLs, after its own scope check, through this module's exports.
 */
export const attachmentsModule = defineModule({
  name: 'attachments',
  tables: ['attachments'],
  pathCopies: [{ table: 'attachments' }],
  // Files written before a transaction that failed, or by a process that stopped before it had cleaned up.
  jobs: [attachmentSweepJob],
});
