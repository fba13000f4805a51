import { auditPolicy, userPolicy } from './accounts/policy.js';
import { placePolicy } from './places/policy.js';
import { residentPolicy } from './residents/policy.js';

/** Every module's policy, so /api/me can send the caller's abilities to the UI. */
export const allPolicies = [placePolicy, residentPolicy, userPolicy, auditPolicy];
