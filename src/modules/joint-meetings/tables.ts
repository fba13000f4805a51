import type { MeetingState, TaskState } from '../../../contracts/joint-meetings.js';

/** A joint meeting (联席会议) of a street's or community's partner units: the state table of lifecycle.ts. */
export interface JointMeetingTable {
  id: string;
  title: string;
  /** The street or community whose council meets. */
  place_id: string;
  place_path: string;
  planned_at: string;
  venue: string;
  /** The office account that planned it: who the meeting's reminders go to. */
  convenor_id: string;
  /** The secret in the sign-in QR code's URL. */
  sign_in_key: string;
  state: MeetingState;
  held_at: string | null;
  minutes: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An agenda item: a need without a match, or free text. */
export interface JointMeetingItemTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  need_id: string | null;
}

/** A partner unit invited to a meeting, and when its contact signed in by the QR code. */
export interface JointMeetingInvitationTable {
  meeting_id: string;
  unit_id: string;
  signed_in_at: string | null;
  signed_in_by: string | null;
}

/** A decision of the minutes: a task for one unit by a date. */
export interface JointMeetingTaskTable {
  id: string;
  meeting_id: string;
  title: string;
  unit_id: string;
  due_on: string;
  place_id: string;
  place_path: string;
  state: TaskState;
  done_note: string | null;
  done_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A reminder sent once per kind, place and period (e.g. `quarter`, a community, `2026-Q4`). */
export interface CouncilReminderTable {
  kind: string;
  place_id: string;
  period: string;
  sent_at: string;
}

export interface JointMeetingsTables {
  joint_meetings: JointMeetingTable;
  joint_meeting_items: JointMeetingItemTable;
  joint_meeting_invitations: JointMeetingInvitationTable;
  joint_meeting_tasks: JointMeetingTaskTable;
  council_reminders: CouncilReminderTable;
}

declare module '../../core/schema.js' {
  interface Database extends JointMeetingsTables {}
}
