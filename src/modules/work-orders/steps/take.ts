import type { Step } from './step.js';

export const take: Step<'take'> = async () => ({});
