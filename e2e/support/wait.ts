/**
 * The one timeout every browser-test wait shares: Playwright's actions and locators, expect.poll, and the helpers that
 * wait for the server. Generous, because CI is a busy 2-core machine; a wait that passes returns as soon as the state shows.
 */
export const WAIT = 30_000;
