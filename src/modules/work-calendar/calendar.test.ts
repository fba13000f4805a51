import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './calendar.js';

// 2026-11-27 is a Friday; times are Beijing time (+08:00).
const at = (s: string) => new Date(s);

describe('working-day deadlines', () => {
  it('skips the weekend', () => {
    expect(addWorkingDays(at('2026-11-27T10:00:00+08:00'), 1, new Map()).toISOString()).toBe(at('2026-11-30T10:00:00+08:00').toISOString());
    expect(addWorkingDays(at('2026-11-26T10:00:00+08:00'), 5, new Map()).toISOString()).toBe(at('2026-12-03T10:00:00+08:00').toISOString());
  });

  it('skips configured holidays and counts make-up working days', () => {
    const calendar = new Map([['2026-11-30', false], ['2026-11-28', true]]);
    expect(addWorkingDays(at('2026-11-27T10:00:00+08:00'), 1, calendar).toISOString()).toBe(at('2026-11-28T10:00:00+08:00').toISOString());
    expect(addWorkingDays(at('2026-11-27T10:00:00+08:00'), 2, calendar).toISOString()).toBe(at('2026-12-01T10:00:00+08:00').toISOString());
  });

  it('starts a clock received on a day off at the next working day, ending with that day', () => {
    expect(addWorkingDays(at('2026-11-28T15:00:00+08:00'), 1, new Map()).toISOString()).toBe(at('2026-11-30T23:59:59.999+08:00').toISOString());
    expect(addWorkingDays(at('2026-11-28T15:00:00+08:00'), 2, new Map()).toISOString()).toBe(at('2026-12-01T23:59:59.999+08:00').toISOString());
  });
});
