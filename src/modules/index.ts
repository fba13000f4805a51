import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './accounts/routes.js';
import { auditRoutes } from './audit/routes.js';
import { placeRoutes } from './places/routes.js';
import { residentRoutes } from './residents/routes.js';

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
];
