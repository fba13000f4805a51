import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { multipartForm, pngWithMetadata, SECRETS, tinyPng } from '../attachments/test-support.js';

type Page = {
  compound: { name: string; communityName: string | null }; building: string | null; branch: { name: string; secretary: string | null } | null;
  buildingHeads: { building: string; name: string; post: string; duties: string; card: string | null }[]; centralHouseholds: { name: string; building: string }[];
  partnerUnits: { name: string }[]; announcements: { title: string }[]; fileDemandHref: string;
};

describe('show identity (亮身份) and the compound QR page (码上通)', () => {
  let t: TestApp;
  let beijiang: Client;
  let community: { id: string; path: string; name: string };
  let compound: { id: string; path: string; name: string };
  let key: string;
  const db = () => t.ctx.handle.db;
  const anonymous = (url: string) => t.app.inject({ url });

  beforeAll(async () => {
    t = await createTestApp();
    beijiang = await t.as('beijiang');
    community = await placeByName(t, '北江社区');
    // The compound with the most building heads the demo seeded.
    const held = await db().selectFrom('party_claims').innerJoin('places as b', 'b.id', 'party_claims.place_id').select('b.parent_id')
      .where('party_claims.state', '=', 'holding').where('party_claims.place_path', 'like', `${community.path}%`).executeTakeFirstOrThrow();
    compound = await db().selectFrom('places').select(['id', 'path', 'name']).where('id', '=', held.parent_id!).executeTakeFirstOrThrow();
    key = (await db().selectFrom('party_public_keys').select('key').where('subject_type', '=', 'compound').where('subject_id', '=', compound.id).executeTakeFirstOrThrow()).key;
  });
  afterAll(() => t.close());

  it('serves the compound’s public page without sign-in: its branch, building heads, member central households, partner units and notices', async () => {
    const res = await anonymous(`/api/public/compounds/${key}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const page = res.json() as Page;
    expect(page.compound).toEqual({ name: compound.name, communityName: '北江社区' });
    const branch = await db().selectFrom('party_orgs').select(['name', 'committee']).where('place_id', '=', compound.id).where('kind', '=', 'compound_branch').executeTakeFirst();
    if (branch) expect(page.branch).toEqual({ name: branch.name, secretary: JSON.parse(branch.committee)[0].name });
    const heads = await db().selectFrom('party_claims').innerJoin('party_members as m', 'm.id', 'party_claims.member_id').select('m.name')
      .where('party_claims.state', '=', 'holding').where('party_claims.place_path', 'like', `${compound.path}%`).execute();
    expect(page.buildingHeads.map((h) => h.name).sort()).toEqual(heads.map((h) => h.name).sort());
    expect(page.buildingHeads.every((h) => /^[a-z2-9]{16}$/.test(h.card ?? ''))).toBe(true);
    const central = await db().selectFrom('party_members').select('name').where('central_household', '=', 1).where('place_path', 'like', `${compound.path}%`).execute();
    expect(page.centralHouseholds.map((c) => c.name).sort()).toEqual(central.map((c) => c.name).sort());
    expect(page.partnerUnits.length).toBeGreaterThan(0);
    expect(page.fileDemandHref).toBe(`/h5?place=${compound.id}`);
    expect(await anonymous('/api/public/compounds/zzzzzzzzzzzzzzzz').then((r) => [r.statusCode, r.json().code])).toEqual([404, 'not_found']);
    expect((await anonymous('/api/public/compounds/nonsense')).statusCode).toBe(404);
  });

  it('shows no personal field of any seeded member: no phone, ID number, household room or address in the page or the cards', async () => {
    const members = await db().selectFrom('party_members as m').leftJoin('places as h', 'h.id', 'm.household_id')
      .select(['m.phone_enc', 'm.id_number_enc', 'm.phone_masked', 'h.name as room', 'h.address_enc']).execute();
    const secrets = members.flatMap((m) => [m.phone_enc && t.ctx.cipher.decrypt(m.phone_enc), m.id_number_enc && t.ctx.cipher.decrypt(m.id_number_enc),
      m.phone_masked, m.room, m.address_enc && t.ctx.cipher.decrypt(m.address_enc)]).filter((s): s is string => Boolean(s));
    expect(secrets.length).toBeGreaterThan(members.length);
    // Every page of the street, then every card (a holder's card key is minted when they claim the post).
    const keysOf = (types: ('compound' | 'building' | 'member')[]) => db().selectFrom('party_public_keys').select('key').where('subject_type', 'in', types).execute();
    const pages = await Promise.all((await keysOf(['compound', 'building'])).map((k) => anonymous(`/api/public/compounds/${k.key}`).then((r) => r.body)));
    const cardKeys = await keysOf(['member']);
    expect(cardKeys.length).toBeGreaterThan(0);
    const bodies = [...pages, ...await Promise.all(cardKeys.map((k) => anonymous(`/api/public/cards/${k.key}`).then((r) => r.body)))];
    expect(bodies.length).toBeGreaterThan(5);
    const leaked = secrets.filter((s) => bodies.some((b) => b.includes(`"${s}"`) || (s.length >= 7 && b.includes(s))));
    expect(leaked).toEqual([]);
    // Nor the ids of places or members: only the demand link names its compound.
    const page = (await anonymous(`/api/public/compounds/${key}`)).json() as Page;
    expect(JSON.stringify({ ...page, fileDemandHref: '' })).not.toContain(compound.id);
  });

  it('a building’s code opens its compound’s page with the building chosen for a demand', async () => {
    const b = await db().selectFrom('party_public_keys as k').innerJoin('places as p', 'p.id', 'k.subject_id').select(['k.key', 'p.id', 'p.name'])
      .where('k.subject_type', '=', 'building').where('k.place_id', '=', compound.id).executeTakeFirstOrThrow();
    const page = (await anonymous(`/api/public/compounds/${b.key}`)).json() as Page;
    expect(page).toMatchObject({ compound: { name: compound.name }, building: b.name, fileDemandHref: `/h5?place=${b.id}` });
  });

  it('a post holder’s card shows name, post and duties, takes a message through the platform, and is gone once the post is vacated', async () => {
    const page = (await anonymous(`/api/public/compounds/${key}`)).json() as Page;
    const head = page.buildingHeads[0]!;
    const card = await anonymous(`/api/public/cards/${head.card}`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toEqual({ name: head.name, photo: null, compound: compound.name, posts: [{ title: head.post, duties: head.duties, place: head.building }] });
    const member = await db().selectFrom('party_public_keys').select('subject_id').where('key', '=', head.card!).executeTakeFirstOrThrow();
    const send = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/public/cards/${head.card}/messages`, payload });
    expect((await send({ senderName: '3栋住户', text: '好' })).json()).toMatchObject({ code: 'invalid_input', field: 'text' });
    const sent = await send({ senderName: '3栋住户', text: '楼道灯坏了好几天,麻烦看看' });
    expect(sent.statusCode, sent.body).toBe(201);
    const stored = await db().selectFrom('party_contact_messages').selectAll().where('member_id', '=', member.subject_id).execute();
    expect(stored.map((m) => [m.sender_name, m.text])).toEqual([['3栋住户', '楼道灯坏了好几天,麻烦看看']]);
    const events = await db().selectFrom('events').select('action').where('entity_id', '=', member.subject_id).where('action', '=', 'contact_member').execute();
    expect(events).toHaveLength(1);
    // The community reads it on its list, and cannot ask for another community's.
    const listed = await beijiang({ url: `/api/party-contact-messages?placeId=${community.id}` });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items[0]).toMatchObject({ memberId: member.subject_id, memberName: head.name, senderName: '3栋住户', text: '楼道灯坏了好几天,麻烦看看' });
    // A message to a member of another community is not on 北江社区's list.
    const elsewhere = await db().selectFrom('party_members').select(['id', 'place_id', 'place_path']).where('place_path', 'not like', `${community.path}%`).executeTakeFirstOrThrow();
    await db().insertInto('party_contact_messages').values({ id: 'elsewheremsg0001', member_id: elsewhere.id, place_id: elsewhere.place_id, place_path: elsewhere.place_path,
      sender_name: '别处住户', text: '别的社区的留言', created_at: new Date().toISOString() }).execute();
    const all = (await beijiang({ url: '/api/party-contact-messages?limit=200' })).json() as { items: { id: string }[]; total: number };
    expect(all.items.map((m) => m.id)).toContain(sent.json().id);
    expect(all.items.map((m) => m.id)).not.toContain('elsewheremsg0001');
    expect((await beijiang({ url: `/api/party-contact-messages?placeId=${(await placeByName(t, '沙头社区')).id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/cards/zzzzzzzzzzzzzzzz/messages', payload: { senderName: '某人', text: '随便写几个字' } })).statusCode).toBe(404);
    // A photo for the card: the office uploads it (metadata stripped) and the card shows it to anyone; a file that is not
    // one image is refused (outside the subtree is 404: the scope suite).
    const upload = (as: Client, data: Buffer, files = 1) => as({ method: 'POST', url: `/api/party-members/${member.subject_id}/photo`,
      ...multipartForm({}, Array.from({ length: files }, () => ({ filename: 'me.png', type: 'image/png', data }))) });
    expect((await upload(beijiang, tinyPng(), 2)).json()).toMatchObject({ code: 'invalid', field: 'photos' });
    expect((await upload(beijiang, Buffer.from('not an image'))).statusCode).toBe(422);
    expect((await anonymous(`/api/public/cards/${head.card}/photo`)).statusCode).toBe(404);
    const uploaded = await upload(beijiang, pngWithMetadata());
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const withPhoto = (await anonymous(`/api/public/cards/${head.card}`)).json();
    expect(withPhoto.photo).toBe(`/api/public/cards/${head.card}/photo?v=${uploaded.json().photoId}`);
    // The compound's page shows it beside the head too.
    const heads = ((await anonymous(`/api/public/compounds/${key}`)).json() as { buildingHeads: { card: string | null; photo: string | null }[] }).buildingHeads;
    expect(heads.find((h) => h.card === head.card)!.photo).toBe(withPhoto.photo);
    expect(heads.filter((h) => h.card !== head.card).every((h) => h.photo === null)).toBe(true);
    const image = await anonymous(withPhoto.photo);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('public, max-age=60');
    for (const secret of SECRETS) expect(image.rawPayload.includes(Buffer.from(secret))).toBe(false);
    const staff = (await beijiang({ url: `/api/party-members/${member.subject_id}` })).json();
    expect(staff.photo).toBe(`/api/party-members/${member.subject_id}/photo?v=${uploaded.json().photoId}`);
    expect((await beijiang({ url: staff.photo })).statusCode).toBe(200);
    const photoEvents = await db().selectFrom('events').select(['action', 'to_state']).where('entity_id', '=', member.subject_id).where('action', '=', 'add_photos').execute();
    expect(photoEvents.map((e) => JSON.parse(e.to_state!).stage)).toEqual(['photo']);
    // The holder steps down: no post, no card.
    await db().updateTable('party_claims').set({ state: 'vacated' }).where('member_id', '=', member.subject_id).execute();
    expect((await anonymous(`/api/public/cards/${head.card}`)).statusCode).toBe(404);
    expect((await anonymous(withPhoto.photo)).statusCode).toBe(404);
  });

  it('prints the community’s compounds and buildings as one A4 PDF, a code and a name each; another community is 404', async () => {
    const places = await db().selectFrom('places').select('id').where('level', 'in', ['compound', 'building']).where('path', 'like', `${community.path}%`).execute();
    const codes = await beijiang({ url: `/api/party/communities/${community.id}/qr-codes` });
    expect(codes.statusCode, codes.body).toBe(200);
    const items = codes.json().items as { url: string; key: string; label: string }[];
    expect(items).toHaveLength(places.length);
    expect(items.find((i) => i.key === key)).toMatchObject({ label: compound.name, url: `http://localhost:80/q/${key}` });
    const res = await beijiang({ url: `/api/party/communities/${community.id}/qr-sheet.pdf` });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(Math.ceil(places.length / 12));
    const links = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(items.map((i) => i.url).sort());
    expect(pdf).toMatch(/\/FontFile2/);
    const printed = await db().selectFrom('events').select('action').where('entity_id', '=', community.id).where('action', '=', 'print_qr_sheet').execute();
    expect(printed).toHaveLength(1);
    const shatou = await placeByName(t, '沙头社区');
    expect((await beijiang({ url: `/api/party/communities/${shatou.id}/qr-sheet.pdf` })).statusCode).toBe(404);
    const compoundSheet = await beijiang({ url: `/api/party/communities/${compound.id}/qr-sheet.pdf` });
    expect(compoundSheet.json()).toMatchObject({ code: 'place_level', field: 'id' });
    expect((await t.app.inject({ url: `/api/party/communities/${community.id}/qr-sheet.pdf` })).statusCode).toBe(401);
  });
});
