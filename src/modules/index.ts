import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './accounts/routes.js';
import { auditRoutes } from './audit/routes.js';
import { placeRoutes } from './places/routes.js';
import { residentRoutes } from './residents/routes.js';
import { workOrderRoutes } from './work-orders/routes.js';
import { catalogueRoutes } from './work-orders/catalogue-routes.js';
import { notificationRoutes } from './work-orders/notification-routes.js';
import { ratesRoutes } from './work-orders/rates-routes.js';
import { residentH5Routes } from './resident-h5/routes.js';
import { photoRoutes } from './photos/routes.js';
import { hotlineRoutes } from './hotline/routes.js';
import { apiKeyRoutes } from './open311/api-key-routes.js';
import { open311Routes } from './open311/routes.js';

export interface Module {
  name: string;
  routes: FastifyPluginAsyncZod;
  /** Where the routes are served: /api unless a standard fixes the path. */
  prefix?: string;
}

/** The modules in load order; each registers its routes under its prefix (/api unless it says otherwise). */
export const modules: Module[] = [
  { name: 'accounts', routes: accountRoutes },
  { name: 'places', routes: placeRoutes },
  { name: 'residents', routes: residentRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'work-orders', routes: workOrderRoutes },
  { name: 'catalogue', routes: catalogueRoutes },
  { name: 'notifications', routes: notificationRoutes },
  { name: 'rates', routes: ratesRoutes },
  { name: 'resident-h5', routes: residentH5Routes },
  { name: 'photos', routes: photoRoutes },
  { name: 'hotline', routes: hotlineRoutes },
  { name: 'api-keys', routes: apiKeyRoutes },
  { name: 'open311', routes: open311Routes, prefix: '/open311/v2' },
];
