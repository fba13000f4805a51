import { ApartmentOutlined, FlagOutlined, SolutionOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const PartyOrgsPage = lazyNamed(() => import('./PartyOrgsPage'), 'PartyOrgsPage');
const PartyMembersPage = lazyNamed(() => import('./PartyMembersPage'), 'PartyMembersPage');
const PartyPostsPage = lazyNamed(() => import('./PartyPostsPage'), 'PartyPostsPage');
const PartyPointsPage = lazyNamed(() => import('./PartyPointsPage'), 'PartyPointsPage');
const MyPointsPage = lazyNamed(() => import('./MyPointsPage'), 'MyPointsPage');
const H5PartyPostsPage = lazyNamed(() => import('./H5PartyPostsPage'), 'H5PartyPostsPage');

const READ = { subject: 'party_org', action: 'read' };
const MEMBERS = { subject: 'party_member', action: 'read' };
const POSTS = { subject: 'party_post', action: 'read' };
const POINTS = { subject: 'party_points', action: 'read' };

/** 党组织 and 党员: the org tree beside the places (with the compounds and buildings still without an org) the members' roster, posts and the points (积分). */
export const partyModule: WebModule<typeof zh> = {
  name: 'party',
  routes: [
    { path: '/party-orgs', element: <PartyOrgsPage />, shell: 'office', ability: READ },
    { path: '/party-members', element: <PartyMembersPage />, shell: 'office', ability: MEMBERS },
    { path: '/party-posts', element: <PartyPostsPage />, shell: 'office', ability: POSTS },
    { path: '/party-points', element: <PartyPointsPage />, shell: 'office', ability: POINTS },
    // A party member's own ledger; the server answers for their linked record only.
    { path: '/my-points', element: <MyPointsPage />, shell: 'office' },
    // More specific than the H5 module's /h5/*, so the router picks it.
    { path: '/h5/party-posts', element: <H5PartyPostsPage />, shell: 'h5', titleKey: 'h5Post.title' },
  ],
  menu: [
    { key: '/party-orgs', icon: <ApartmentOutlined />, labelKey: 'nav.partyOrgs', order: 27, ability: READ },
    { key: '/party-members', icon: <FlagOutlined />, labelKey: 'nav.partyMembers', order: 28, ability: MEMBERS },
    { key: '/party-posts', icon: <SolutionOutlined />, labelKey: 'nav.partyPosts', order: 29, ability: POSTS },
    { key: '/party-points', icon: <TrophyOutlined />, labelKey: 'nav.partyPoints', order: 30, ability: POINTS },
    { key: '/my-points', icon: <TrophyOutlined />, labelKey: 'nav.myPoints', order: 30, roles: ['party_member'] },
  ],
  i18n: { 'zh-CN': zh, en },
};
