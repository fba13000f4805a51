import { describe, expect, it } from 'vitest';
import type { Actor, RoleBinding } from './actor.js';
import { allow, allowedBindings, allowedRoots, definePolicy, rolesAllowed } from './policy.js';
import type { Role } from './roles.js';
import { bindingsOf, bindingsOver, bindingsUnder, isInScope, isInScopeOrAbove, outermostRoots, rootsWithin, scopeRoots } from './scope.js';

const binding = (role: Role, placePath: string): RoleBinding => ({ role, placeId: placePath.split('/').filter(Boolean).at(-1)!, placePath, placeName: placePath, placeLevel: 'community' });
const actor = (...bindings: RoleBinding[]): Actor =>
  ({ userId: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', unitId: null, sessionId: 's', bindings });

/** One user's bindings: street staff of /d/s/, grid worker of a grid below it, and a partner contact of another street. */
const many = actor(binding('street_staff', '/d/s/'), binding('grid_worker', '/d/s/c/g/'), binding('partner_contact', '/d/t/'));

describe('the places a caller sees (core/access)', () => {
  it('keeps the outermost roots and cuts subtrees to a place', () => {
    expect(outermostRoots(['/d/s/c/', '/d/s/', '/d/t/', '/d/s/'])).toEqual(['/d/s/', '/d/t/']);
    expect(scopeRoots(many)).toEqual(['/d/s/', '/d/t/']);
    expect(rootsWithin(['/d/s/', '/d/s/c/g/', '/d/t/'], '/d/s/c/')).toEqual(['/d/s/c/', '/d/s/c/g/']);
    expect(rootsWithin(['/d/t/'], '/d/s/c/')).toEqual([]);
  });

  it('finds the bindings of roles, over a place (nearest first) and under it (deepest first)', () => {
    expect(bindingsOf(many, ['grid_worker', 'partner_contact']).map((b) => b.placePath)).toEqual(['/d/s/c/g/', '/d/t/']);
    expect(bindingsOver(many, '/d/s/c/g/h/').map((b) => b.placePath)).toEqual(['/d/s/c/g/', '/d/s/']);
    expect(bindingsOver(many, '/d/s/c/g/h/', ['street_staff']).map((b) => b.role)).toEqual(['street_staff']);
    expect(bindingsOver(many, '/d/u/')).toEqual([]);
    expect(bindingsUnder(many, '/d/').map((b) => b.placePath)).toEqual(['/d/s/c/g/', '/d/s/', '/d/t/']);
  });

  it('tells what lies in the scope, and what lies in it or above it', () => {
    expect(isInScope(many, '/d/s/c/')).toBe(true);
    expect(isInScope(many, '/d/')).toBe(false);
    expect(isInScope(many, null)).toBe(false);
    expect(isInScopeOrAbove(many, '/d/')).toBe(true);
    expect(isInScopeOrAbove(many, '/d/s/c/')).toBe(true);
    expect(isInScopeOrAbove(many, '/d/u/')).toBe(false);
  });

  it('gives the bindings and roots a policy allows, and the roles it names', () => {
    const policy = definePolicy<Record<string, never>>('thing', [...allow(['street_staff', 'community_worker'], 'read')]);
    expect(rolesAllowed(policy, 'read')).toEqual(['street_staff', 'community_worker']);
    expect(rolesAllowed(policy, 'write')).toEqual([]);
    // The grid lies in the street's subtree, so it is readable too; the other street is not.
    expect(allowedBindings(many, policy, 'read').map((b) => b.placePath)).toEqual(['/d/s/', '/d/s/c/g/']);
    expect(allowedRoots(many, policy, 'read')).toEqual(['/d/s/']);
    expect(allowedRoots(actor(binding('grid_worker', '/d/s/c/g/')), policy, 'read')).toEqual([]);
  });
});
