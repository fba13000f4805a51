import type { DbOrTrx } from '../../core/db.js';
import { type CategoryRow } from '../demand-categories/index.js';
import { DEMAND_TYPE_NAMES } from '../hotline/index.js';
import { DEMAND_TYPES } from '../../../contracts/work-orders.js';
import { listCommunities } from './queries.js';
import { open311Msg } from './messages.js';
import type { Message } from '../../core/errors.js';
import { core } from '../../core/messages.js';

/** A category is a GeoReport service; each has the same attributes, so metadata is always true. */
export const toService = (c: CategoryRow) => ({
  service_code: c.code, service_name: c.name, description: c.description ?? '', metadata: true, type: 'realtime',
  keywords: [...new Set([c.group_name, c.name])].join(','), group: c.group_name,
});

/**
 * Where a request is, when the client has no `address_id` (our place id): the community (required then) and a compound
 * name; and the 12345 type of demand. Places have no coordinates in OneGrid, so lat/long are kept but never place a demand.
 */
/** One attribute text in both languages, as the platforms show it: "中文 English" or "中文 (English)". */
const both = (m: Message, open = ' ', close = '') => `${m.zh}${open}${m.en}${close}`;

/** `within`: the place path of the api_key the client sent (FixMyStreet's always_send_api_key), listing only its communities. */
export async function serviceDefinition(db: DbOrTrx, districtCode: string, serviceCode: string, within?: string) {
  const communities = await listCommunities(db, districtCode, within);
  return {
    service_code: serviceCode,
    attributes: [
      { variable: true, code: 'community', datatype: 'singlevaluelist', required: true, order: 1,
        datatype_description: both(open311Msg.communityHint, ' (', ')'),
        description: both(open311Msg.community), values: communities.map((c) => ({ key: c.id, name: `${c.street} ${c.name}` })) },
      { variable: true, code: 'compound', datatype: 'string', required: false, order: 2,
        datatype_description: both(open311Msg.compoundHint, ' (', ')'), description: both(open311Msg.compound) },
      { variable: true, code: 'demand_type', datatype: 'singlevaluelist', required: false, order: 3,
        datatype_description: both(open311Msg.demandTypeHint, ' (', ')'), description: both(open311Msg.demandType),
        values: DEMAND_TYPES.map((t) => ({ key: t, name: DEMAND_TYPE_NAMES[t] })) },
    ],
  };
}

/** Service discovery: this one GeoReport v2 endpoint and its formats. */
export const CHANGESET = '2026-11-24T00:00:00+08:00';
export const discovery = (url: string) => ({
  changeset: CHANGESET,
  contact: `${core.appName.en} (${core.appName.zh}): ask the street or district office that runs this deployment`,
  key_service: 'Street or district staff issue API keys in OneGrid (POST /api/api-keys)',
  endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
});
