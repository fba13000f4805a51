import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption, compoundOf, eventsOf, openStep, orderOf, stateOnPage, submitStep } from '../support/work-orders.js';

// A stock FixMyStreet sends only the pin; one outside every boundary of the key's street waits there until street staff place it.
describe('placing an Open311 request that came with only its coordinates', () => {
  let browser: Browser;
  let street: BrowserContext;
  let compound: { id: string; name: string };
  let order: { id: string; trackingNo: string };
  const tag = Date.now().toString(36).slice(-5);

  beforeAll(async () => {
    browser = await launchBrowser();
    street = await signedInContext(browser, 'xinan');
    const grid = await signedInContext(browser, 'grid1');
    compound = await compoundOf(grid.request);
    await grid.close();
    const res = await fetch(`${baseUrl()}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: 'demo-open311-key', service_code: 'street-light', lat: '23.3564', long: '112.8906',
        description: `路口路灯不亮-${tag}`, email: 'jane@example.org', first_name: 'Jane', last_name: 'Smith' }),
    });
    expect(res.status).toBe(200);
    const trackingNo = ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const found = await street.request.get(`/api/work-orders?q=${encodeURIComponent(trackingNo)}`);
    order = { id: ((await found.json()) as { items: { id: string }[] }).items[0]!.id, trackingNo };
  });
  afterAll(async () => browser?.close());

  it('answers the root and unknown paths under /open311/v2/ in GeoReport’s format on the real server, beside the web app', async () => {
    for (const url of ['/open311/v2/', '/open311/v2', '/open311/v2/nothing/here', '/open311/v2/requests']) {
      const res = await fetch(`${baseUrl()}${url}`);
      expect(res.status, url).toBe(404);
      const body = await res.text();
      expect(body, url).toMatch(/<errors>\s*<error>\s*<code>404<\/code>/);
    }
    const json = await fetch(`${baseUrl()}/open311/v2/nothing.json`, { method: 'DELETE' });
    expect(await json.json()).toEqual([{ code: 404, description: 'No resource DELETE /open311/v2/nothing.json' }]);
  });

  it('the street places it in a compound, and the community then has it to accept', async () => {
    const page = await street.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await expect.poll(() => stateOnPage(page)).toBe('待受理');
    // Not placed yet: it cannot be accepted, only placed.
    expect(await page.getByTestId('step-accept').count()).toBe(0);
    await openStep(page, 'place');
    await page.getByTestId('place-target').click();
    await page.keyboard.type(compound.name);
    await chooseOption(page, compound.name);
    await screenshot(page, 'work-order-place-form');
    await submitStep(page);

    await expect.poll(async () => (await orderOf(page, order.id)).order.placeId).toBe(compound.id);
    const placed = (await eventsOf(page, order.id)).find((e) => e.action === 'place')!;
    expect(placed.to).toMatchObject({ placeId: compound.id, placeName: compound.name });
    await page.close();

    const office = await signedInContext(browser, 'beijiang');
    const mine = await office.newPage();
    await mine.goto(`/work-orders/${order.id}`);
    await expect.poll(() => mine.getByTestId('step-accept').count()).toBe(1);
    await office.close();
  });
});
