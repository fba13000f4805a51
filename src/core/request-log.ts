import type { FastifyRequest } from 'fastify';

/**
 * Query parameters whose values the request log keeps: ids, paging and filters that name no person. Every other
 * value (q, search, phone, idNumber, code, api_key, names typed into any new parameter) is written as `~`.
 */
const KEPT = new Set([
  'placeId', 'parentId', 'coversPlaceId', 'officeId', 'householdId', 'categoryId', 'role', 'kind', 'level', 'state', 'states',
  'month', 'from', 'to', 'until', 'limit', 'offset', 'before', 'cursor', 'disabled', 'mine', 'figure', 'sort', 'order', 'locale',
  'jurisdiction_id', 'service_code', 'status',
]);

/** The URL as the log may hold it: the path, and each query parameter's name with its value only when it is in KEPT. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  const kept = [...query].map(([name, value]) => `${encodeURIComponent(name)}=${KEPT.has(name) ? encodeURIComponent(value) : '~'}`);
  return `${url.slice(0, at)}?${kept.join('&')}`;
}

/** Fastify's own request serializer with the URL cut down: what every request's log line says of it. */
export function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: loggableUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
