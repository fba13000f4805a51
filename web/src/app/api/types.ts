import type { CompoundType, PlaceLevel, Relation } from '../../../../contracts/places';
import type { Role } from '../../../../contracts/roles';

export interface Place {
  id: string;
  placeId: string;
  parentId: string | null;
  level: PlaceLevel;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  compoundType: CompoundType | null;
  threeNo: boolean;
  addressMasked: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RoleBinding {
  role: Role;
  placeId: string;
  placePath?: string;
  placeName: string;
  placeLevel: PlaceLevel;
}

export interface Me {
  user: { id: string; username: string; displayName: string; locale: string };
  roles: RoleBinding[];
  abilities: Record<string, string[] | undefined>;
}

export interface Resident {
  id: string;
  placeId: string;
  name: string;
  gender: 'male' | 'female' | null;
  relation: Relation;
  phoneMasked: string | null;
  idNumberMasked: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A label in both languages, as the server's state tables carry them. */
export interface Bilingual { zh: string; en: string }

export interface Event {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** The actor's role (their first binding), null for the scheduler and residents. */
  actorRole: string | null;
  /** Taken by the scheduler by rule. */
  system: boolean;
  entityType: string;
  entityId: string;
  /** What people call the record: a work order's tracking number, a place's name. */
  recordName: string | null;
  /** The state table's name of the step and of the states it went from and to (null outside a table). */
  label: Bilingual | null;
  fromState: Bilingual | null;
  toState: Bilingual | null;
  action: string;
  from: Record<string, unknown> | null;
  to: Record<string, unknown> | null;
  reason: string | null;
  /** Phone or ID numbers typed into its reason or fields are masked; the record's module may reveal them (audited). */
  masked?: boolean;
  placeId: string;
}

/** The records events point to (an assignee, called-in units), by `type:id`. */
export type EventRefs = Record<string, { type: string; name: string; role: string | null }>;

export interface User {
  id: string;
  placeId: string;
  username: string;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  roles: RoleBinding[];
  version: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Revealed {
  field: string;
  value: string;
}
