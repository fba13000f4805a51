import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { openDatabase } from '../src/core/db.js';
import { migrateToLatest } from '../src/migrations/index.js';
import { pointInside, tile } from '../src/modules/place-geometry/demo-geometry.js';
import { locatePlaces } from '../src/modules/place-geometry/locate.js';
import type { PlaceShape } from '../src/modules/place-geometry/shape.js';
import { rowOfShape, writeShapes } from '../src/modules/place-geometry/store.js';
import { createRandom, type Random } from '../src/seed/random.js';
import { benchDataDir, int, isMain, log, percentile, seconds } from './support.js';

/**
 * Point to grid and nearest compound at the issue's scale, in process, on the real lookup (`locatePlaces`: the Flatbush
 * index, Turf's point-in-polygon and distance, and the candidates' paths read from the database): a district of 10 streets
 * × 15 communities × 10 grids (1,500 grid boundaries, tiled by Voronoi cells as the demo geometry is) and 50,000 compound
 * points inside their grids, in an in-memory SQLite database. `npx tsx bench/geometry.ts [--lookups 20000]`.
 */
const STREETS = 10;
const COMMUNITIES = 15;
const GRIDS = 10;
const COMPOUNDS = 50_000;
const MAX_METRES = 300;
const NOW = '2026-12-03T00:00:00.000Z';
type Region = Polygon | MultiPolygon;

// A district of about 50 × 45 km around 三水.
function districtOutline(random: Random): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * 2 * Math.PI;
    const r = 0.85 + 0.2 * random.next();
    ring.push([112.88 + Math.cos(a) * 0.25 * r, 23.17 + Math.sin(a) * 0.2 * r]);
  }
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}


const boundary = (region: Region): PlaceShape => ({ kind: 'boundary', geometry: region, outline: null, bbox: bbox(region) as PlaceShape['bbox'] });

export async function benchGeometry(lookups: number) {
  const handle = openDatabase({ dataDir: benchDataDir, sqliteFile: ':memory:' });
  try {
    const started = performance.now();
    const db = handle.db;
    await migrateToLatest(db);
    const random = createRandom(20261203);
    const place = (id: string, parent: string | null, level: 'district' | 'street' | 'community' | 'grid' | 'compound', p: string, depth: number) =>
      ({ id, parent_id: parent, level, name: id, code: null, path: p, depth, compound_type: null, three_no: 0, address_enc: null, address_masked: null, sort_order: 0, version: 1, created_at: NOW, updated_at: NOW });
    const places = [place('d', null, 'district', '/d/', 1)];
    const shapes: [string, PlaceShape][] = [];
    const district = districtOutline(random);
    shapes.push(['d', boundary(district)]);
    const grids: { id: string; path: string; region: Region }[] = [];
    tile(district, STREETS, random).forEach((streetRegion, s) => {
      const sid = `s${s}`;
      places.push(place(sid, 'd', 'street', `/d/${sid}/`, 2));
      shapes.push([sid, boundary(streetRegion)]);
      tile(streetRegion, COMMUNITIES, random).forEach((communityRegion, c) => {
        const cid = `${sid}c${c}`;
        places.push(place(cid, sid, 'community', `/d/${sid}/${cid}/`, 3));
        shapes.push([cid, boundary(communityRegion)]);
        tile(communityRegion, GRIDS, random).forEach((gridRegion, g) => {
          const gid = `${cid}g${g}`;
          const path = `/d/${sid}/${cid}/${gid}/`;
          places.push(place(gid, cid, 'grid', path, 4));
          shapes.push([gid, boundary(gridRegion)]);
          grids.push({ id: gid, path, region: gridRegion });
        });
      });
    });
    for (let i = 0; i < COMPOUNDS; i++) {
      const grid = grids[i % grids.length]!;
      const id = `${grid.id}k${Math.floor(i / grids.length)}`;
      places.push(place(id, grid.id, 'compound', `${grid.path}${id}/`, 5));
      const at = pointInside(grid.region, random);
      shapes.push([id, { kind: 'point', geometry: { type: 'Point', coordinates: at }, outline: null, bbox: [at[0]!, at[1]!, at[0]!, at[1]!] }]);
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < places.length; i += 500) await trx.insertInto('places').values(places.slice(i, i + 500)).execute();
      await writeShapes(trx, shapes.map(([id, s]) => rowOfShape(id, s, NOW)));
    });
    const generatedMs = performance.now() - started;

    const points = Array.from({ length: lookups }, () => pointInside(district, random));
    const roots = ['/d/'];
    // The first lookup builds the index; timed on its own.
    const b = performance.now();
    await locatePlaces(db, roots, points[0]![0]!, points[0]![1]!, MAX_METRES);
    const buildMs = performance.now() - b;
    // Warm up the JIT, then time every lookup.
    for (const p of points.slice(0, 1000)) await locatePlaces(db, roots, p[0]!, p[1]!, MAX_METRES);
    const ms: number[] = [];
    let inGrid = 0;
    let withCompound = 0;
    for (const [lon, lat] of points) {
      const s = performance.now();
      const found = await locatePlaces(db, roots, lon!, lat!, MAX_METRES);
      ms.push(performance.now() - s);
      if (found.grid) inGrid++;
      if (found.compound) withCompound++;
    }
    ms.sort((x, y) => x - y);
    return {
      grids: grids.length, compounds: COMPOUNDS, generatedMs, buildMs, lookups, inGrid, withCompound,
      p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms[ms.length - 1]!, load: os.loadavg()[0]!,
    };
  } finally {
    await handle.close();
  }
}

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--lookups');
  const r = await benchGeometry(i > 0 ? Number(process.argv[i + 1]) : 20_000);
  log(`${int(r.grids)} grids, ${int(r.compounds)} compounds (generated in ${seconds(r.generatedMs)}, index built by the first lookup in ${r.buildMs.toFixed(0)} ms); `
    + `${int(r.lookups)} lookups (${int(r.inGrid)} in a grid, ${int(r.withCompound)} with a compound within ${MAX_METRES} m): `
    + `p50 ${(r.p50 * 1000).toFixed(0)} µs, p99 ${(r.p99 * 1000).toFixed(0)} µs, max ${r.max.toFixed(2)} ms (target p99 < 1 ms; load ${r.load.toFixed(1)})`);
}
