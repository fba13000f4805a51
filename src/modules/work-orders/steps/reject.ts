import type { Step } from './step.js';

export const reject: Step<'reject'> = async ({ now }, input) => ({ set: { closed_at: now, result: input.reason }, reason: input.reason });
