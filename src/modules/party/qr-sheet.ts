import PDFDocument from 'pdfkit';
import { A4, cjkFont, drawQrCode, pdfBuffer } from '../../core/pdf.js';
import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { findPlace } from '../places/index.js';
import { ensurePublicKeys } from './identity.js';
import { partyMsg } from './messages.js';
import { partyOrgPolicy } from './policy.js';

export interface QrCodeEntry { label: string; level: string; key: string; url: string }

/** The community's compounds and buildings, in place order, each with the URL of its public page (keys minted where missing). */
export async function qrSheetEntries(ctx: AppContext, actor: Actor, communityId: string, baseUrl: string, printed: boolean) {
  const db = ctx.handle.db;
  const community = await findPlace(db, communityId);
  if (!community) throw notFound('place');
  authorize(actor, partyOrgPolicy, 'print_qr', community.path, {}, 'place');
  if (community.level !== 'community') throw invalid('id', partyMsg.qrSheetCommunity, 'place_level');
  const places = await db.selectFrom('places as p').leftJoin('places as parent', 'parent.id', 'p.parent_id')
    .select(['p.id', 'p.name', 'p.path', 'p.level', 'p.parent_id', 'parent.name as parent_name', 'parent.path as parent_path'])
    .where('p.level', 'in', ['compound', 'building']).where((eb) => inSubtrees(eb, 'p.path', [community.path])).orderBy('p.path').execute();
  // A building's code opens its compound's page (with the building chosen for a demand): the key is on the compound.
  const keys = await ensurePublicKeys(db, places.map((p) => p.level === 'compound'
    ? { type: 'compound' as const, id: p.id, placeId: p.id, placePath: p.path }
    : { type: 'building' as const, id: p.id, placeId: p.parent_id!, placePath: p.parent_path! }));
  const entries: QrCodeEntry[] = places.map((p) => ({ label: p.level === 'compound' ? p.name : `${p.parent_name} ${p.name}`, level: p.level, key: keys.get(p.id)!, url: `${baseUrl}/q/${keys.get(p.id)}` }));
  if (printed) await appendEvent(db, actor, { entityType: 'place', entityId: community.id, placeId: community.id, action: 'print_qr_sheet', to: { codes: entries.length } });
  return { community, entries };
}

const COLUMNS = 3;
const ROWS = 4;
const MARGIN = 36;
const HEADER = 48;

/** One A4 PDF: the title, then 12 codes a page (3 × 4), the name under each; each code is also a link to its page. */
export async function renderQrSheet(title: string, hint: string, entries: QrCodeEntry[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: title } });
  doc.registerFont('cjk', cjkFont());
  const done = pdfBuffer(doc);
  const cellW = (A4.width - 2 * MARGIN) / COLUMNS;
  const cellH = (A4.height - 2 * MARGIN - HEADER) / ROWS;
  const side = Math.min(cellW, cellH) - 40;
  const perPage = COLUMNS * ROWS;
  const pages = Math.max(1, Math.ceil(entries.length / perPage));
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    doc.font('cjk').fontSize(14).fillColor('black').text(title, MARGIN, MARGIN, { width: A4.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.fontSize(8).fillColor('#555').text(hint, MARGIN, MARGIN + 20, { width: A4.width - 2 * MARGIN, align: 'center', lineBreak: false });
    for (const [i, entry] of entries.slice(page * perPage, (page + 1) * perPage).entries()) {
      const x = MARGIN + (i % COLUMNS) * cellW + (cellW - side) / 2;
      const y = MARGIN + HEADER + Math.floor(i / COLUMNS) * cellH + 6;
      drawQrCode(doc, entry.url, x, y, side);
      doc.link(x, y, side, side, entry.url);
      doc.font('cjk').fontSize(10).fillColor('black').text(entry.label, x - 16, y + side + 6, { width: side + 32, align: 'center', height: 28, ellipsis: true });
    }
  }
  doc.end();
  return done;
}

export const qrSheetText = (communityName: string) => ({
  title: msg(partyMsg.qrSheetTitle, { community: communityName }), hint: msg(partyMsg.qrSheetHint), file: msg(partyMsg.qrSheetFile, { community: communityName }),
});
