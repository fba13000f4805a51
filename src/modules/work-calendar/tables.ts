/** A day off (holiday) or a make-up working day (调休), by local date: the district admin keeps them. */
export interface HolidayTable {
  day: string;
  name: string;
  workday: number;
}

export interface WorkCalendarTables {
  holidays: HolidayTable;
}

declare module '../../core/schema.js' {
  interface Database extends WorkCalendarTables {}
}
