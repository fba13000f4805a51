import { defineModule } from '../../core/module.js';
import { photoRoutes } from './routes.js';

export const photosModule = defineModule({ name: 'photos', routes: [photoRoutes] });
