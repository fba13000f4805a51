import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../core/access/actor.js';
import { allowedBindings, allowedRoots, authorize } from '../../core/access/policy.js';
import { forbidden, notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { findPlace, type PlaceRow } from '../places/index.js';
import { checkPlaceGeometry } from './commands/check-geometry.js';
import { importGeometry, planGeometryImport } from './commands/import-geometry.js';
import { setPlaceGeometry } from './commands/set-geometry.js';
import { locatePlaces } from './locate.js';
import { placeMap } from './place-map.js';
import { placeGeometryPolicy } from './policy.js';
import { ZCheckGeometry, ZGeometryImport, ZImportQuery, ZLocateQuery, ZPlaceParams, ZSetGeometry } from './schema.js';
import { findShapes, toGeometryView } from './store.js';

const tags = ['places'];
// A district's boundaries as GeoJSON run to megabytes; the features are capped at 5,000 by the schema.
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export async function readablePlace(db: Parameters<typeof findPlace>[0], actor: Actor, id: string): Promise<PlaceRow> {
  const place = await findPlace(db, id);
  if (!place) throw notFound('place');
  authorize(actor, placeGeometryPolicy, 'read', place.path, { level: place.level, path: place.path }, 'place');
  return place;
}

export const placeGeometryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.get('/places/locate', { schema: { tags, summary: 'The street, community and grid at a WGS-84 point, and the nearest compound', querystring: ZLocateQuery } }, async (req) => {
    const actor = requireActor(req);
    const roots = allowedRoots(actor, placeGeometryPolicy, 'locate');
    const found = await locatePlaces(db(), roots, req.query.long, req.query.lat, app.ctx.config.locateMaxMetres);
    // Outside the caller's area, or where no geometry is: nothing there for this caller.
    if (!found.street && !found.community && !found.grid && !found.compound) throw notFound('place');
    return found;
  });

  app.get('/places/:id/geometry', { schema: { tags, params: ZPlaceParams } }, async (req) => {
    const place = await readablePlace(db(), requireActor(req), req.params.id);
    const shape = (await findShapes(db(), [place.id])).get(place.id);
    return { version: place.version, ...(shape ? toGeometryView(place.id, shape) : { placeId: place.id, kind: null, geometry: null, outline: null, bbox: null }) };
  });

  app.get('/places/:id/map', { schema: { tags, summary: 'The children’s geometry with their unresolved and overdue work orders', params: ZPlaceParams } }, async (req) =>
    placeMap(db(), await readablePlace(db(), requireActor(req), req.params.id)));

  app.put('/places/:id/geometry', { schema: { tags, params: ZPlaceParams, body: ZSetGeometry } }, async (req) =>
    setPlaceGeometry(app.ctx, requireActor(req), req.params.id, req.body));

  app.post('/places/:id/geometry/check', { schema: { tags, summary: 'Runs the save’s checks and overlap warnings on a new geometry; writes nothing', params: ZPlaceParams, body: ZCheckGeometry } },
    async (req) => checkPlaceGeometry(app.ctx, requireActor(req), req.params.id, req.body));

  app.post('/places/geometry/preview', { schema: { tags, summary: 'What a GeoJSON import would change; writes nothing', body: ZGeometryImport, querystring: ZImportQuery }, bodyLimit: IMPORT_BODY_LIMIT },
    async (req) => {
      const actor = requireActor(req);
      if (allowedBindings(actor, placeGeometryPolicy, 'import' as const).length === 0) throw forbidden();
      return (await planGeometryImport(app.ctx, actor, req.body, req.query.crs)).report;
    });

  app.post('/places/geometry/import', { schema: { tags, summary: 'Imports boundaries and points, all features or none', body: ZGeometryImport, querystring: ZImportQuery }, bodyLimit: IMPORT_BODY_LIMIT },
    async (req) => {
      const actor = requireActor(req);
      if (allowedBindings(actor, placeGeometryPolicy, 'import' as const).length === 0) throw forbidden();
      return importGeometry(app.ctx, actor, req.body, req.query.crs);
    });
};
