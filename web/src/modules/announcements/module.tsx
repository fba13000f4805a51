import { NotificationOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const AnnouncementsPage = lazyNamed(() => import('./AnnouncementsPage'), 'AnnouncementsPage');
const AnnouncementEditor = lazyNamed(() => import('./AnnouncementEditor'), 'AnnouncementEditor');
const AnnouncementDetailPage = lazyNamed(() => import('./AnnouncementDetailPage'), 'AnnouncementDetailPage');

const READ = { subject: 'announcement', action: 'read' };

/** 通知公告: the staff list, the editor, one notice with its read receipts; the residents' phone page (/h5/announcements) is a light page (web/src/h5-light). */
export const announcementsModule: WebModule<typeof zh> = {
  name: 'announcements',
  routes: [
    { path: '/announcements', element: <AnnouncementsPage />, shell: 'office', ability: READ },
    { path: '/announcements/new', element: <AnnouncementEditor />, shell: 'office', ability: { subject: 'announcement', action: 'create' }, titleKey: 'announcement.newTitle' },
    { path: '/announcements/:id', element: <AnnouncementDetailPage />, shell: 'office', ability: READ, titleKey: 'announcement.detailTitle' },
    { path: '/announcements/:id/edit', element: <AnnouncementEditor />, shell: 'office', ability: { subject: 'announcement', action: 'edit' }, titleKey: 'announcement.editTitle' },
  ],
  menu: [{ key: '/announcements', icon: <NotificationOutlined />, labelKey: 'nav.announcements', order: 25, ability: READ }],
  i18n: { 'zh-CN': zh, en },
};
