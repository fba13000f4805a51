import { describe, expect, it } from 'vitest';
import { light } from './deadlines.js';

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
