import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, type PlaceRef } from '../support/api.js';
import path from 'node:path';
import { launchBrowser, screenshotDir, settled, signedInContext } from '../support/browser.js';
import { runTag, waitForPlace } from '../support/places.js';

interface Geometry { version: number; kind: string | null; geometry: Polygon | MultiPolygon | Point | null; outline: Polygon | null }
type Screen = { x: number; y: number };

/**
 * Where in the editor to drop the point: a spot of the parent's (dashed) region farthest from the point, with room
 * around it for the compound's outline, as screen coordinates; and a spot outside the region (the editor's corner).
 */
async function dropSpots(page: Page): Promise<{ inside: Screen; outside: Screen; svgInside: Screen }> {
  return page.getByTestId('geometry-editor').evaluate((svg: SVGSVGElement) => {
    const region = svg.querySelector('path[stroke-dasharray]') as SVGPathElement;
    const point = svg.querySelector('[data-testid="geometry-edit-point"]') as SVGCircleElement;
    const outline = svg.querySelector('path[stroke="#1677ff"]') as SVGPathElement | null;
    const box = outline?.getBBox();
    const room = (box ? Math.hypot(box.width, box.height) / 2 : 0) + 12;
    const [px, py] = [point.cx.baseVal.value, point.cy.baseVal.value];
    const within = (x: number, y: number) => region.isPointInFill(new DOMPoint(x, y));
    let best: [number, number] | null = null;
    for (let x = 0; x <= 640; x += 8) {
      for (let y = 0; y <= 420; y += 8) {
        const roomy = within(x, y) && Array.from({ length: 16 }, (_, i) => (i / 16) * 2 * Math.PI).every((a) => within(x + Math.cos(a) * room, y + Math.sin(a) * room));
        if (roomy && (!best || Math.hypot(x - px, y - py) > Math.hypot(best[0] - px, best[1] - py))) best = [x, y];
      }
    }
    if (!best) throw new Error('no room in the parent’s region');
    const m = svg.getScreenCTM()!;
    const screen = (x: number, y: number) => { const p = new DOMPoint(x, y).matrixTransform(m); return { x: p.x, y: p.y }; };
    return { inside: screen(best[0], best[1]), outside: screen(4, 4), svgInside: { x: best[0], y: best[1] } };
  });
}

async function drag(page: Page, handle: ReturnType<Page['getByTestId']>, to: Screen) {
  await handle.hover();
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

describe('the map editor', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let grid: PlaceRef;
  let compound: PlaceRef;
  let otherGrid: PlaceRef;
  let community: PlaceRef;
  let grids: PlaceRef[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'xinan');
    page = await ctx.newPage();
    // 沙头社区's grids: other browser tests work in 北江社区.
    const found = await getJson<{ items: PlaceRef[] }>(ctx.request, `/api/places/search?q=${encodeURIComponent('沙头社区')}&level=community`);
    community = found.items[0]!;
    grids = (await getJson<{ items: PlaceRef[] }>(ctx.request, `/api/places/${community.id}/children?limit=50`)).items;
    const polygonal: PlaceRef[] = [];
    for (const g of grids) if ((await getJson<Geometry>(ctx.request, `/api/places/${g.id}/geometry`)).geometry?.type === 'Polygon') polygonal.push(g);
    [grid, otherGrid] = [polygonal[0]!, polygonal[1]!];
    const compounds = (await getJson<{ items: PlaceRef[] }>(ctx.request, `/api/places/${grid.id}/children?limit=50`)).items;
    compound = compounds.find((c) => c.level === 'compound')!;
  });
  afterAll(async () => browser?.close());

  const geometryOf = (id: string) => getJson<Geometry>(ctx.request, `/api/places/${id}/geometry`);
  const openEditor = async (place: PlaceRef) => {
    await page.getByTestId('geometry-edit').click();
    await settled(page.locator('.ant-modal').filter({ has: page.getByTestId('geometry-editor') }));
  };
  const closeEditor = async () => {
    await page.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await page.getByTestId('geometry-editor').waitFor({ state: 'detached' });
  };
  // The dialog alone: a full-page picture resizes the viewport of a page taller than it, and the dialog was seen to close then.
  const shot = (name: string) => page.locator('.ant-modal').filter({ has: page.getByTestId('geometry-editor') }).screenshot({ path: path.join(screenshotDir, `${name}.png`) });
  const save = () => page.getByTestId('geometry-edit-save').click();

  it('drags a compound’s point within its grid and saves it; outside the grid it is refused; a stale version is shown', async () => {
    const gridShape = (await geometryOf(grid.id)).geometry as Polygon;
    const before = await geometryOf(compound.id);
    const buildings = (await getJson<{ items: PlaceRef[] }>(ctx.request, `/api/places/${compound.id}/children?limit=50`)).items.filter((b) => b.level === 'building');
    const buildingsBefore = await Promise.all(buildings.map((b) => geometryOf(b.id)));
    await page.goto(`/places/${compound.id}`);
    await waitForPlace(page, compound.name);
    await openEditor(compound);
    const point = page.getByTestId('geometry-edit-point');
    const spots = await dropSpots(page);
    await drag(page, point, spots.inside);
    await expect.poll(async () => Math.hypot(Number(await point.getAttribute('cx')) - spots.svgInside.x, Number(await point.getAttribute('cy')) - spots.svgInside.y)).toBeLessThan(1.5);
    await shot('map-editor-point');
    await save();
    await page.getByTestId('geometry-editor').waitFor({ state: 'detached' });

    const after = await geometryOf(compound.id);
    expect(after.version).toBe(before.version + 1);
    const [from, to] = [(before.geometry as Point).coordinates, (after.geometry as Point).coordinates];
    expect(Math.hypot(to[0]! - from[0]!, to[1]! - from[1]!)).toBeGreaterThan(0.0005);
    expect(booleanPointInPolygon(to, gridShape)).toBe(true);
    // Its buildings came along by the same offset.
    for (const [i, b] of buildings.entries()) {
      const [bx, by] = ((await geometryOf(b.id)).geometry as Point).coordinates;
      const [ox, oy] = (buildingsBefore[i]!.geometry as Point).coordinates;
      expect(bx! - ox!).toBeCloseTo(to[0]! - from[0]!, 9);
      expect(by! - oy!).toBeCloseTo(to[1]! - from[1]!, 9);
    }

    // Reloaded, the editor shows the point where it was dropped.
    await page.reload();
    await waitForPlace(page, compound.name);
    await openEditor(compound);
    expect(Math.abs(Number(await point.getAttribute('cx')) - spots.svgInside.x)).toBeLessThan(1.5);
    expect(Math.abs(Number(await point.getAttribute('cy')) - spots.svgInside.y)).toBeLessThan(1.5);

    // Out of its grid: refused with the reason in Chinese, and nothing saved.
    await drag(page, point, (await dropSpots(page)).outside);
    await save();
    const problem = page.getByTestId('geometry-edit-problem');
    await expect.poll(() => problem.textContent()).toContain(`不在上级地点“${grid.name}”的边界之内`);
    expect((await geometryOf(compound.id)).version).toBe(after.version);
    await shot('map-editor-refused');
    await closeEditor();

    // Someone saves the place in between: this editor's save is stale.
    await openEditor(compound);
    const bumped = await ctx.request.put(`/api/places/${compound.id}/geometry`, { data: { version: after.version, geometry: after.geometry, carry: true } });
    expect(bumped.status()).toBe(200);
    await drag(page, point, (await dropSpots(page)).inside);
    await save();
    await expect.poll(() => problem.textContent()).toContain('该地点已被他人修改');
    expect((await geometryOf(compound.id)).version).toBe(after.version + 1);
    await closeEditor();
  });

  it('adds a vertex by clicking an edge and removes one by right-click or the button, then saves the boundary', async () => {
    const original = (await geometryOf(otherGrid.id)).geometry as Polygon;
    const n = original.coordinates[0]!.length - 1;
    await page.goto(`/places/${otherGrid.id}`);
    await waitForPlace(page, otherGrid.name);
    await openEditor(otherGrid);
    const editor = page.getByTestId('geometry-editor');
    expect(await editor.getAttribute('data-vertices')).toBe(String(n));
    // A click on the first edge adds a vertex there (on the edge: the ground stays the same, its compounds inside).
    await page.getByTestId('geometry-edit-edge-0').click();
    await expect.poll(() => editor.getAttribute('data-vertices')).toBe(String(n + 1));
    await page.getByTestId('geometry-edit-vertex-1').click({ button: 'right' });
    await expect.poll(() => editor.getAttribute('data-vertices')).toBe(String(n));
    await page.getByTestId('geometry-edit-edge-0').click();
    await expect.poll(() => editor.getAttribute('data-vertices')).toBe(String(n + 1));
    await shot('map-editor-vertex');
    await save();
    await editor.waitFor({ state: 'detached' });
    const added = (await geometryOf(otherGrid.id)).geometry as Polygon;
    expect(added.coordinates[0]!.length).toBe(n + 2);
    expect(added.coordinates[0]![0]).toEqual(original.coordinates[0]![0]);
    expect(added.coordinates[0]!.slice(2)).toEqual(original.coordinates[0]!.slice(1));

    // Selected and removed with the button: the boundary is the original again.
    await openEditor(otherGrid);
    const remove = page.getByTestId('geometry-edit-remove-vertex');
    expect(await remove.isDisabled()).toBe(true);
    await page.getByTestId('geometry-edit-vertex-1').click();
    await remove.click();
    await expect.poll(() => editor.getAttribute('data-vertices')).toBe(String(n));
    await save();
    await editor.waitFor({ state: 'detached' });
    expect((await geometryOf(otherGrid.id)).geometry).toEqual(original);
  });

  it('draws a new grid’s boundary from nothing over a neighbour’s ground, is warned of the overlap, then places a compound in it', async () => {
    const tag = runTag();
    const fresh = await postJson<PlaceRef>(ctx.request, '/api/places', { parentId: community.id, level: 'grid', name: `新划网格${tag}` });
    await page.goto(`/places/${fresh.id}`);
    await waitForPlace(page, fresh.name);
    await openEditor(fresh);
    const editor = page.getByTestId('geometry-editor');
    expect(await editor.getAttribute('data-fresh')).toBe('true');
    expect(await page.getByTestId('geometry-edit-save').isDisabled()).toBe(true);
    // Four corners of a square in the middle of one neighbour's grey region (inside the community's dashed one).
    const corners = await editor.evaluate((svg: SVGSVGElement) => {
      const m = svg.getScreenCTM()!;
      for (const n of Array.from(svg.querySelectorAll('[data-testid="geometry-edit-neighbour"]')) as SVGPathElement[]) {
        const b = n.getBBox();
        const [cx, cy, h] = [b.x + b.width / 2, b.y + b.height / 2, 16];
        const square = [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h]];
        if (square.every(([x, y]) => n.isPointInFill(new DOMPoint(x, y)))) {
          return square.map(([x, y]) => { const p = new DOMPoint(x, y).matrixTransform(m); return { x: p.x, y: p.y }; });
        }
      }
      throw new Error('no neighbour with room for the square');
    });
    for (const [i, c] of corners.entries()) {
      await page.mouse.click(c.x, c.y);
      await expect.poll(() => editor.getAttribute('data-vertices')).toBe(String(i + 1));
    }
    await shot('map-editor-draw');
    await save();
    const warned = page.getByTestId('geometry-edit-overlaps');
    await warned.waitFor();
    const drawn = (await geometryOf(fresh.id)).geometry as Polygon;
    expect(drawn.type).toBe('Polygon');
    expect(drawn.coordinates[0]).toHaveLength(5);
    // The warning names the grid whose ground the square was drawn on.
    const ring = drawn.coordinates[0]!.slice(0, 4);
    const [x, y] = [ring.reduce((a, p) => a + p[0]!, 0) / 4, ring.reduce((a, p) => a + p[1]!, 0) / 4];
    let under: PlaceRef | undefined;
    for (const g of grids) {
      const shape = (await geometryOf(g.id)).geometry;
      if (shape && shape.type !== 'Point' && booleanPointInPolygon([x, y], shape)) under = g;
    }
    expect(under).toBeDefined();
    await expect.poll(() => warned.textContent()).toContain(`${fresh.name} 与 ${under!.name} 重叠约`);
    await page.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await warned.waitFor({ state: 'detached' });

    // A new compound in the new grid: placed with one click inside it.
    const compoundNew = await postJson<PlaceRef>(ctx.request, '/api/places', { parentId: fresh.id, level: 'compound', name: `新建小区${tag}`, compoundType: 'scattered' });
    await page.goto(`/places/${compoundNew.id}`);
    await waitForPlace(page, compoundNew.name);
    await openEditor(compoundNew);
    expect(await page.getByTestId('geometry-edit-point').count()).toBe(0);
    const middle = await editor.evaluate((svg: SVGSVGElement) => {
      const region = svg.querySelector('path[stroke-dasharray]') as SVGPathElement;
      const b = region.getBBox();
      const p = new DOMPoint(b.x + b.width / 2, b.y + b.height / 2).matrixTransform(svg.getScreenCTM()!);
      return { x: p.x, y: p.y };
    });
    await page.mouse.click(middle.x, middle.y);
    await page.getByTestId('geometry-edit-point').waitFor();
    await save();
    await editor.waitFor({ state: 'detached' });
    const placed = (await geometryOf(compoundNew.id)).geometry as Point;
    expect(placed.type).toBe('Point');
    expect(booleanPointInPolygon(placed.coordinates, drawn)).toBe(true);
  });
});
