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

export interface Event {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  from: Record<string, unknown> | null;
  to: Record<string, unknown> | null;
  reason: string | null;
  placeId: string;
}

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
