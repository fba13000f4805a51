import type { EventActor } from '../events.js';
import type { PlaceLevel } from '../../../contracts/places.js';
import type { Role } from './roles.js';

export interface RoleBinding {
  role: Role;
  placeId: string;
  placePath: string;
  placeName: string;
  placeLevel: PlaceLevel;
}

/** The signed-in user as every handler sees it. */
export interface Actor extends EventActor {
  userId: string;
  username: string;
  displayName: string;
  locale: string;
  unitId: string | null;
  bindings: RoleBinding[];
  sessionId: string;
}

/** A resident signed in on the phone pages: no account and no role, known by the blind index of their phone. */
export interface ResidentCaller extends EventActor {
  userId: null;
  phoneIndex: string;
}
