// The entry is kept tiny: it starts the first screen's requests, then loads the app. The requests and the app's code
// travel side by side instead of one after the other (see modules/places/prefetch.ts).
import 'antd/dist/antd.css';
import './app/global.css';
import { prefetchPlaces } from './modules/places/prefetch';

prefetchPlaces(window.location.pathname);
void import('./boot');
