import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STEPS as TRANSITIONS } from '../../../contracts/work-order-steps.js';
import { ACTIONS, allowedFrom, OPEN_STATES, STATES } from './state.js';

describe('the work-order transition table', () => {
  it('leaves no open state without a way forward and no closed state with one', () => {
    for (const s of STATES) {
      const moves = ACTIONS.filter((a) => allowedFrom(a, s) && TRANSITIONS[a].to !== null);
      if (OPEN_STATES.includes(s)) expect(moves.length, s).toBeGreaterThan(0);
      else expect(moves, s).toEqual([]);
    }
  });

  it('lets only the assignee take, return and resolve', () => {
    for (const a of ['take', 'return', 'resolve'] as const) expect(TRANSITIONS[a].who).toEqual(['assignee']);
  });

  it('answers only what is received, and closes it', () => {
    expect(TRANSITIONS.answer.from).toEqual(['received']);
    expect(TRANSITIONS.answer.to).toBe('closed');
  });
});
