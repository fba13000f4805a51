import { ApartmentOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';
import { PlacesPage } from './PlacesPage';

/** The one net. Its page is the first screen, so it loads with the app (and main.tsx prefetches its data). */
export const placesModule: WebModule<typeof zh> = {
  name: 'places',
  // One route with an optional id: the page stays mounted when /places redirects to the first root.
  routes: [{ path: '/places/:id?', element: <PlacesPage />, shell: 'office' }],
  menu: [{ key: '/places', icon: <ApartmentOutlined />, labelKey: 'nav.places', order: 10 }],
  // A building head lands on his building (the first root of his tree), as before the workbench.
  landings: [{ path: '/places', roles: ['building_head'], order: 30 }],
  i18n: { 'zh-CN': zh, en },
};
