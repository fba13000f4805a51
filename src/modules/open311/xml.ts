/** The element name of one item in each GeoReport list, as the specification's XML examples name them. */
const ITEM_OF: Record<string, string> = {
  services: 'service', attributes: 'attribute', values: 'value', service_requests: 'request', errors: 'error',
  service_request_updates: 'request_update', endpoints: 'endpoint', formats: 'format',
};

// Characters XML 1.0 cannot carry at all, even escaped.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (text: string) => text.replace(INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Elements only, no attributes: objects become child elements, lists repeat their item element, null is an empty element. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}

function element(name: string, value: unknown, indent: string): string {
  const inner = indent + '  ';
  let children: string[] | null = null;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`No XML item element for the list ${name}`);
    children = value.map((v) => element(item, v, inner));
  } else if (value !== null && typeof value === 'object') {
    children = Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => element(k, v, inner));
  }
  if (children) return children.length ? `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>` : `${indent}<${name}></${name}>`;
  return `${indent}<${name}>${value === null || value === undefined ? '' : escapeXml(String(value))}</${name}>`;
}
