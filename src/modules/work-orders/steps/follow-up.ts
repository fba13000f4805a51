import type { Step } from './step.js';

export const followUp: Step<'follow_up'> = async (_s, input) => ({ data: { note: input.note } });
