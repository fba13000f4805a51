import { TagsOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const CategoriesPage = lazyNamed(() => import('./CategoriesPage'), 'CategoriesPage');

/** The district's demand categories: what a demand is filed under, its default unit and its urgency time limits. */
export const categoriesModule: WebModule<typeof zh> = {
  name: 'categories',
  routes: [{ path: '/categories', element: <CategoriesPage />, shell: 'office', ability: { subject: 'category', action: 'update' }, titleKey: 'category.title' }],
  menu: [{ key: '/categories', icon: <TagsOutlined />, labelKey: 'nav.categories', order: 48, ability: { subject: 'category', action: 'update' } }],
  i18n: { 'zh-CN': zh, en },
};
