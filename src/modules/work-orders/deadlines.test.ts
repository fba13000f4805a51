import { describe, expect, it } from 'vitest';
import { light, resolveDays } from './deadlines.js';

const at = (s: string) => new Date(s);

describe('work-order lights', () => {
  it('turns yellow at 80 % of the time and red when overdue', () => {
    const start = '2026-11-30T00:00:00Z';
    const due = '2026-11-30T10:00:00Z';
    expect(light(start, due, null, at('2026-11-30T07:00:00Z'))).toBe('green');
    expect(light(start, due, null, at('2026-11-30T08:30:00Z'))).toBe('yellow');
    expect(light(start, due, null, at('2026-11-30T10:00:01Z'))).toBe('red');
    expect(light(start, due, '2026-11-30T09:00:00Z', at('2026-12-30T00:00:00Z'))).toBe('green');
  });
});

describe('resolve days by urgency and the category’s rule', () => {
  it('takes the rule where the category has one, the default share where not, and never lengthens the normal time', () => {
    const none = { complex: 0, urgent_days: null, critical_days: null };
    expect([resolveDays('complaint', none), resolveDays('complaint', none, 'urgent'), resolveDays('complaint', none, 'critical')]).toEqual([7, 4, 2]);
    expect(resolveDays('complaint', { complex: 1 }, 'urgent')).toBe(8);
    expect(resolveDays('consultation', none, 'critical')).toBe(1);
    const rule = { complex: 0, urgent_days: 3, critical_days: 1 };
    expect([resolveDays('help', rule), resolveDays('help', rule, 'urgent'), resolveDays('help', rule, 'critical')]).toEqual([5, 3, 1]);
    // Only an urgent rule: critical is the shorter of the default quarter and the urgent days.
    expect(resolveDays('complaint', { complex: 0, urgent_days: 1 }, 'critical')).toBe(1);
    expect(resolveDays('complaint', { complex: 0, urgent_days: 5 }, 'critical')).toBe(2);
    expect(resolveDays('consultation', { complex: 0, urgent_days: 10, critical_days: 9 }, 'urgent')).toBe(2);
  });
});
