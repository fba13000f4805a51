import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const AuditPage = lazyNamed(() => import('./AuditPage'), 'AuditPage');

/** The audit log: who did what to which record. */
export const auditModule: WebModule<typeof zh> = {
  name: 'audit',
  routes: [{ path: '/audit', element: <AuditPage />, shell: 'office', ability: { subject: 'audit', action: 'read' } }],
  menu: [{ key: '/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', order: 60, ability: { subject: 'audit', action: 'read' } }],
  i18n: { 'zh-CN': zh, en },
};
