import { ApartmentOutlined, FlagOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const PartyOrgsPage = lazyNamed(() => import('./PartyOrgsPage'), 'PartyOrgsPage');
const PartyMembersPage = lazyNamed(() => import('./PartyMembersPage'), 'PartyMembersPage');

const READ = { subject: 'party_org', action: 'read' };
const MEMBERS = { subject: 'party_member', action: 'read' };

/** 党组织 and 党员: the org tree beside the places (with the compounds and buildings still without an org) and the members' roster. */
export const partyModule: WebModule<typeof zh> = {
  name: 'party',
  routes: [
    { path: '/party-orgs', element: <PartyOrgsPage />, shell: 'office', ability: READ },
    { path: '/party-members', element: <PartyMembersPage />, shell: 'office', ability: MEMBERS },
  ],
  menu: [
    { key: '/party-orgs', icon: <ApartmentOutlined />, labelKey: 'nav.partyOrgs', order: 27, ability: READ },
    { key: '/party-members', icon: <FlagOutlined />, labelKey: 'nav.partyMembers', order: 28, ability: MEMBERS },
  ],
  i18n: { 'zh-CN': zh, en },
};
