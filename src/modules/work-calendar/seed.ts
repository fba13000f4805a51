import type { Seed } from '../../core/module.js';

/** Fixed-date public holidays only; the district admin adds the lunar ones and make-up days each year. */
const HOLIDAYS: [string, string][] = [
  ['2026-10-01', '国庆节'], ['2026-10-02', '国庆节'], ['2026-10-03', '国庆节'], ['2026-10-04', '国庆节'], ['2026-10-05', '国庆节'],
  ['2026-10-06', '国庆节'], ['2026-10-07', '国庆节'], ['2027-01-01', '元旦'],
];

export const calendarSeed: Seed = {
  async run(ctx) {
    await ctx.handle.db.insertInto('holidays').values(HOLIDAYS.map(([day, name]) => ({ day, name, workday: 0 }))).execute();
  },
};
