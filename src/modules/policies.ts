import { auditPolicy, userPolicy } from './accounts/policy.js';
import { placePolicy } from './places/policy.js';
import { residentPolicy } from './residents/policy.js';
import { workOrderPolicy } from './work-orders/policy.js';
import { hotlinePolicy } from './hotline/policy.js';
import { apiKeyPolicy } from './open311/api-keys.js';
import { ratesPolicy } from './work-orders/rates-routes.js';
import { cataloguePolicy } from './work-orders/catalogue-routes.js';

/** Every module's policy, so /api/me can send the caller's abilities to the UI. */
export const allPolicies = [placePolicy, residentPolicy, userPolicy, auditPolicy, workOrderPolicy, ratesPolicy, cataloguePolicy, hotlinePolicy, apiKeyPolicy];
