import type { EventsTables } from './events.js';
import type { JobsTables } from './jobs.js';
import type { InstanceSettingsTables } from './personal-data.js';

/**
 * The database type: core's own tables here, and each module adds the tables it owns from its `tables.ts`
 * (`declare module '../../core/schema.js' { interface Database extends XTables {} }`), so core imports no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends EventsTables, JobsTables, InstanceSettingsTables {}
