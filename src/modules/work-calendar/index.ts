export { workCalendarModule } from './manifest.js';
export { addWorkingDays, isWorkingDay, listHolidays, loadCalendar, type Calendar } from './calendar.js';
