import { defineScopeSuite } from '../../core/scope-suite.js';

const PUBLIC = 'a public GeoReport read: no sign-in, no personal data';
const BY_KEY = "a machine caller's api_key, no session; outside the key's place it answers GeoReport's own 404";

/** GeoReport v2 answers in its own format (not `{ code, message }`), so its routes are listed here with why they name no record of a session's. */
export const scopeSuite = defineScopeSuite({
  cases: [],
  unscoped: [
    ...['json', 'xml'].flatMap((format) => [
      { route: `GET /open311/v2/discovery.${format}`, reason: 'the service discovery document' },
      { route: `GET /open311/v2/services.${format}`, reason: PUBLIC },
      { route: `GET /open311/v2/requests.${format}`, reason: PUBLIC },
      { route: `GET /open311/v2/servicerequestupdates.${format}`, reason: PUBLIC },
      { route: `POST /open311/v2/requests.${format}`, reason: `${BY_KEY} (open311.test.ts)` },
      { route: `POST /open311/v2/servicerequestupdates.${format}`, reason: `${BY_KEY} (commands/post-service-request-update.ts)` },
    ]),
    { route: 'GET /open311/v2/services/{file}', reason: PUBLIC },
    { route: 'GET /open311/v2/requests/{file}', reason: PUBLIC },
    { route: 'GET /open311/v2/tokens/{file}', reason: PUBLIC },
    { route: 'GET /open311/v2/media/{file}', reason: 'a photo a GeoReport client uploaded with its request, public as its own media_url links are; no other file (open311-clients.test.ts)' },
  ],
});
