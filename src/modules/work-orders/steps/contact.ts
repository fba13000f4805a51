import type { Step } from './step.js';

export const contact: Step<'contact'> = async ({ order, now }, input) => ({ set: { first_contact_at: order.first_contact_at ?? now }, data: { note: input.note } });
