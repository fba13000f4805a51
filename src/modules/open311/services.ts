import type { DbOrTrx } from '../../core/db.js';
import { type CategoryRow } from '../demand-categories/index.js';
import { DEMAND_TYPE_NAMES } from '../hotline/index.js';
import { DEMAND_TYPES } from '../../../contracts/work-orders.js';
import { listCommunities } from './queries.js';

/** A category is a GeoReport service; each has the same attributes, so metadata is always true. */
export const toService = (c: CategoryRow) => ({
  service_code: c.code, service_name: c.name, description: c.description ?? '', metadata: true, type: 'realtime',
  keywords: [...new Set([c.group_name, c.name])].join(','), group: c.group_name,
});

/**
 * Where a request is, when the client has no `address_id` (our place id): the community (required then) and a compound
 * name; and the 12345 type of demand. Places have no coordinates in OneGrid, so lat/long are kept but never place a demand.
 */
export async function serviceDefinition(db: DbOrTrx, districtCode: string, serviceCode: string) {
  const communities = await listCommunities(db, districtCode);
  return {
    service_code: serviceCode,
    attributes: [
      { variable: true, code: 'community', datatype: 'singlevaluelist', required: true, order: 1,
        datatype_description: '所属社区;已提供 address_id 时可省略 (may be left out when address_id is given)',
        description: '所属社区 Community', values: communities.map((c) => ({ key: c.id, name: `${c.street} ${c.name}` })) },
      { variable: true, code: 'compound', datatype: 'string', required: false, order: 2,
        datatype_description: '小区名称,与社区登记的名称一致 (the compound’s registered name)', description: '小区 Compound' },
      { variable: true, code: 'demand_type', datatype: 'singlevaluelist', required: false, order: 3,
        datatype_description: '默认“求助” (default: help)', description: '诉求类型 Type of demand',
        values: DEMAND_TYPES.map((t) => ({ key: t, name: DEMAND_TYPE_NAMES[t] })) },
    ],
  };
}

/** Service discovery: this one GeoReport v2 endpoint and its formats. */
export const CHANGESET = '2026-11-24T00:00:00+08:00';
export const discovery = (url: string) => ({
  changeset: CHANGESET,
  contact: 'OneGrid (一张网): ask the street or district office that runs this deployment',
  key_service: 'Street or district staff issue API keys in OneGrid (POST /api/api-keys)',
  endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
});
