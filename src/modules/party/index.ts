/** What other modules may use of party. */
export { partyModule } from './manifest.js';
export { partyOrgLifecycle } from './lifecycle.js';
export { countBuildingsLackingHead } from './posts.js';
export { assignableMember, assignableMembersUnder, heldPosts, memberLinkedTo, memberNames, type AssignableMember, type HeldPost } from './member-dispatch.js';
