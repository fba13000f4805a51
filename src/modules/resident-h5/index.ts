/** The one resident identity every resident-facing page uses (file a demand, and later a need, a sign-up, a vote). */
export { residentH5Module } from './manifest.js';
export {
  currentResident, requireResident, residentCaller, staffOrResident, RESIDENT_COOKIE, type Resident, type ResidentCaller,
} from './sessions.js';
export { parseForm } from './schema.js';
