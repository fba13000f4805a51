import { defineModule } from '../../core/module.js';
import { chairAbilities, chairLifecycle } from './chair-lifecycle.js';
import { chairReminderJob } from './chair-reminder.js';
import { chairH5Routes, chairRoutes, evaluationRoutes } from './chair-routes.js';
import { meetingAbilities, meetingLifecycle, taskAbilities, taskLifecycle } from './lifecycle.js';
import { quarterReminderJob } from './quarter-reminder.js';
import { jointMeetingRoutes } from './routes.js';
import { jointMeetingsSeed } from './seed.js';

/**
 * The council of partner units of a street or community: joint meetings (联席会议: QR sign-in, minutes, decided tasks)
 * and the community's rotating chair (轮值主席: roster, plan, report, ratings).
 */
export const jointMeetingsModule = defineModule({
  name: 'joint-meetings',
  tables: ['joint_meetings', 'joint_meeting_items', 'joint_meeting_invitations', 'joint_meeting_tasks', 'council_reminders', 'chair_months', 'chair_month_units', 'chair_ratings'],
  routes: [jointMeetingRoutes, chairRoutes, chairH5Routes, evaluationRoutes],
  policies: [meetingAbilities(), taskAbilities(), chairAbilities()],
  lifecycles: [meetingLifecycle, taskLifecycle, chairLifecycle],
  pathCopies: [{ table: 'joint_meetings' }, { table: 'joint_meeting_tasks' }, { table: 'chair_months' }],
  jobs: [quarterReminderJob, chairReminderJob],
  recordNames: [
    { entityType: 'joint_meeting', names: (db) => db.selectFrom('joint_meetings').select(['joint_meetings.id', 'joint_meetings.title as name']) },
    { entityType: 'chair_month', names: (db) => db.selectFrom('chair_months').select(['chair_months.id', 'chair_months.month as name']) },
    { entityType: 'joint_meeting_task', names: (db) => db.selectFrom('joint_meeting_tasks').select(['joint_meeting_tasks.id', 'joint_meeting_tasks.title as name']) },
  ],
  seed: jointMeetingsSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
