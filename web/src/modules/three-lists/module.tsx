import { BankOutlined, GiftOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const NeedsPage = lazyNamed(() => import('./NeedsPage'), 'NeedsPage');
const NeedDetailPage = lazyNamed(() => import('./NeedDetailPage'), 'NeedDetailPage');
const ResourcesPage = lazyNamed(() => import('./ResourcesPage'), 'ResourcesPage');
const PartnerUnitsPage = lazyNamed(() => import('./PartnerUnitsPage'), 'PartnerUnitsPage');

const NEEDS = { subject: 'need', action: 'read' };
const RESOURCES = { subject: 'resource', action: 'read' };
const UNITS = { subject: 'partner_unit', action: 'read' };

/** 三单 and 共建单位: the needs list with its loop and suggestions, the resources list, the partner units with their agreements (the residents' 提需求 is a light page). */
export const threeListsModule: WebModule<typeof zh> = {
  name: 'three-lists',
  routes: [
    { path: '/needs', element: <NeedsPage />, shell: 'office', ability: NEEDS },
    { path: '/needs/:id', element: <NeedDetailPage />, shell: 'office', ability: NEEDS, titleKey: 'threeLists.needTitle' },
    { path: '/resources', element: <ResourcesPage />, shell: 'office', ability: RESOURCES },
    { path: '/partner-units', element: <PartnerUnitsPage />, shell: 'office', ability: UNITS },
    // The residents' 提需求 (/h5/needs) is a light page (web/src/h5-light).
  ],
  menu: [
    { key: '/needs', icon: <UnorderedListOutlined />, labelKey: 'nav.needs', order: 26, ability: NEEDS },
    { key: '/resources', icon: <GiftOutlined />, labelKey: 'nav.resources', order: 26, ability: RESOURCES },
    { key: '/partner-units', icon: <BankOutlined />, labelKey: 'nav.partnerUnits', order: 26, ability: UNITS },
  ],
  i18n: { 'zh-CN': zh, en },
};
