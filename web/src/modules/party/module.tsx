import { ApartmentOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const PartyOrgsPage = lazyNamed(() => import('./PartyOrgsPage'), 'PartyOrgsPage');

const READ = { subject: 'party_org', action: 'read' };

/** 党组织: the org tree beside the places, with the compounds and buildings still without an org. */
export const partyModule: WebModule<typeof zh> = {
  name: 'party',
  routes: [{ path: '/party-orgs', element: <PartyOrgsPage />, shell: 'office', ability: READ }],
  menu: [{ key: '/party-orgs', icon: <ApartmentOutlined />, labelKey: 'nav.partyOrgs', order: 27, ability: READ }],
  i18n: { 'zh-CN': zh, en },
};
