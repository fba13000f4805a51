import { ApartmentOutlined, CheckSquareOutlined, FlagOutlined, MessageOutlined, SolutionOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const PartyOrgsPage = lazyNamed(() => import('./PartyOrgsPage'), 'PartyOrgsPage');
const PartyMembersPage = lazyNamed(() => import('./PartyMembersPage'), 'PartyMembersPage');
const PartyPostsPage = lazyNamed(() => import('./PartyPostsPage'), 'PartyPostsPage');
const PartyPointsPage = lazyNamed(() => import('./PartyPointsPage'), 'PartyPointsPage');
const MyPointsPage = lazyNamed(() => import('./MyPointsPage'), 'MyPointsPage');
const PartyCheckinsPage = lazyNamed(() => import('./PartyCheckinsPage'), 'PartyCheckinsPage');
const MyCheckinPage = lazyNamed(() => import('./MyCheckinPage'), 'MyCheckinPage');
const EmployerCheckinsPage = lazyNamed(() => import('./EmployerCheckinsPage'), 'EmployerCheckinsPage');
const ContactMessagesPage = lazyNamed(() => import('./ContactMessagesPage'), 'ContactMessagesPage');

const READ = { subject: 'party_org', action: 'read' };
const MEMBERS = { subject: 'party_member', action: 'read' };
const POSTS = { subject: 'party_post', action: 'read' };
const POINTS = { subject: 'party_points', action: 'read' };
const CHECKINS = { subject: 'party_checkin', action: 'read' };
const EMPLOYER = { subject: 'party_checkin', action: 'employer' };

/** 党组织 and 党员: the org tree beside the places (with the compounds and buildings still without an org) the members' roster, posts, the points (积分), dual check-in (双报到), and the public QR page and cards (码上通, 亮身份). */
export const partyModule: WebModule<typeof zh> = {
  name: 'party',
  routes: [
    { path: '/party-orgs', element: <PartyOrgsPage />, shell: 'office', ability: READ },
    { path: '/party-members', element: <PartyMembersPage />, shell: 'office', ability: MEMBERS },
    { path: '/party-posts', element: <PartyPostsPage />, shell: 'office', ability: POSTS },
    { path: '/party-points', element: <PartyPointsPage />, shell: 'office', ability: POINTS },
    // A party member's own ledger; the server answers for their linked record only.
    { path: '/my-points', element: <MyPointsPage />, shell: 'office' },
    { path: '/party-checkins', element: <PartyCheckinsPage />, shell: 'office', ability: CHECKINS },
    // 双报到 from a phone: the member's own check-in; the server answers for their linked record only.
    { path: '/my-checkin', element: <MyCheckinPage />, shell: 'office' },
    { path: '/employer-checkins', element: <EmployerCheckinsPage />, shell: 'office', ability: EMPLOYER },
    { path: '/party-messages', element: <ContactMessagesPage />, shell: 'office', ability: MEMBERS },
    // The residents' posts page (/h5/party-posts) is a light page (web/src/h5-light).
    // 码上通 and 亮身份 (/q/:key, /card/:key, anyone, no sign-in) are light pages (web/src/h5-light).
  ],
  menu: [
    { key: '/party-orgs', icon: <ApartmentOutlined />, labelKey: 'nav.partyOrgs', order: 27, ability: READ },
    { key: '/party-members', icon: <FlagOutlined />, labelKey: 'nav.partyMembers', order: 28, ability: MEMBERS },
    { key: '/party-posts', icon: <SolutionOutlined />, labelKey: 'nav.partyPosts', order: 29, ability: POSTS },
    { key: '/party-points', icon: <TrophyOutlined />, labelKey: 'nav.partyPoints', order: 30, ability: POINTS },
    { key: '/my-points', icon: <TrophyOutlined />, labelKey: 'nav.myPoints', order: 30, roles: ['party_member'] },
    { key: '/party-checkins', icon: <CheckSquareOutlined />, labelKey: 'nav.partyCheckins', order: 31, ability: CHECKINS },
    { key: '/my-checkin', icon: <CheckSquareOutlined />, labelKey: 'nav.myCheckin', order: 31, roles: ['party_member'] },
    { key: '/employer-checkins', icon: <TeamOutlined />, labelKey: 'nav.employerCheckins', order: 31, ability: EMPLOYER },
    { key: '/party-messages', icon: <MessageOutlined />, labelKey: 'nav.partyMessages', order: 32, ability: MEMBERS },
  ],
  i18n: { 'zh-CN': zh, en },
};
