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

export interface Module {
  name: string;
  routes: FastifyPluginAsyncZod;
}

/** The modules in load order; each registers its routes under /api. */
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
];
