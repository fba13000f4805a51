import type { APIRequestContext, Page } from 'playwright-core';

/** Reads the real API with the page's own session (for finding ids and checking what the UI did). */
export async function getJson<T>(page: Page | APIRequestContext, url: string): Promise<T> {
  const request = 'request' in page ? page.request : page;
  const res = await request.get(url);
  if (!res.ok()) throw new Error(`GET ${url} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function postJson<T>(page: Page | APIRequestContext, url: string, body: unknown): Promise<T> {
  const request = 'request' in page ? page.request : page;
  const res = await request.post(url, { data: body });
  if (!res.ok()) throw new Error(`POST ${url} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

export interface PlaceRef {
  id: string;
  name: string;
  level: string;
  version: number;
  parentId: string | null;
}

export interface Me {
  user: { id: string; username: string; displayName: string; locale: string };
  roles: { role: string; placeId: string; placeName: string; placeLevel: string }[];
}

export const childrenOf = async (page: Page | APIRequestContext, id: string) =>
  (await getJson<{ items: PlaceRef[]; total: number }>(page, `/api/places/${id}/children?limit=500`)).items;

/** Walks down from a place, taking the first child with any children of its own, until it reaches `level`. */
export async function firstDescendant(page: Page | APIRequestContext, fromId: string, level: string): Promise<PlaceRef[]> {
  const trail: PlaceRef[] = [];
  let current = fromId;
  for (let depth = 0; depth < 8; depth++) {
    const kids = await childrenOf(page, current);
    const next = kids[0];
    if (!next) throw new Error(`No children under ${current} on the way to a ${level}`);
    trail.push(next);
    if (next.level === level) return trail;
    current = next.id;
  }
  throw new Error(`No ${level} found under ${fromId}`);
}
