import { NotificationOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const AnnouncementsPage = lazyNamed(() => import('./AnnouncementsPage'), 'AnnouncementsPage');
const AnnouncementEditor = lazyNamed(() => import('./AnnouncementEditor'), 'AnnouncementEditor');
const AnnouncementDetailPage = lazyNamed(() => import('./AnnouncementDetailPage'), 'AnnouncementDetailPage');
const H5AnnouncementsPage = lazyNamed(() => import('./H5AnnouncementsPage'), 'H5AnnouncementsPage');

const READ = { subject: 'announcement', action: 'read' };

/** 通知公告: the staff list, the editor, one notice with its read receipts, and the residents' phone page. */
export const announcementsModule: WebModule<typeof zh> = {
  name: 'announcements',
  routes: [
    { path: '/announcements', element: <AnnouncementsPage />, shell: 'office', ability: READ },
    { path: '/announcements/new', element: <AnnouncementEditor />, shell: 'office', ability: { subject: 'announcement', action: 'create' } },
    { path: '/announcements/:id', element: <AnnouncementDetailPage />, shell: 'office', ability: READ },
    { path: '/announcements/:id/edit', element: <AnnouncementEditor />, shell: 'office', ability: { subject: 'announcement', action: 'edit' } },
    // More specific than the H5 module's /h5/*, so the router picks it.
    { path: '/h5/announcements', element: <H5AnnouncementsPage />, shell: 'h5', titleKey: 'h5Announcement.title' },
  ],
  menu: [{ key: '/announcements', icon: <NotificationOutlined />, labelKey: 'nav.announcements', order: 25, ability: READ }],
  i18n: { 'zh-CN': zh, en },
};
