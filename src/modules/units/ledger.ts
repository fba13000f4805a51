import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { defineLedger, exportLedger, zhOptions, type LedgerRecord } from '../../core/ledger/index.js';
import { AGREEMENT_STATE_LABELS, PARTNER_KIND_LABELS } from '../../../contracts/units.js';
import { findPlace } from '../places/index.js';
import { listPartnerUnits, partnerUnitPolicy } from './partners.js';
import { unitMsg } from './messages.js';

/**
 * 共建单位名册: the partner units of a place's subtree with their co-building agreement. A unit keeps its contact's name
 * and title only (no phone, ID or address), so nothing here needs a mask.
 */
export const PARTNER_UNITS_LEDGER = defineLedger({
  key: 'partner-units',
  sheet: '共建单位',
  title: unitMsg.ledgerTitle,
  columns: [
    { key: 'name', header: '单位名称', type: 'text', width: 26 },
    { key: 'kind', header: '单位类型', type: 'enum', width: 12, options: zhOptions(PARTNER_KIND_LABELS) },
    { key: 'place', header: '所在街道或社区', type: 'text', width: 16 },
    { key: 'contact', header: '联络人', type: 'text', width: 12 },
    { key: 'contactTitle', header: '职务', type: 'text', width: 14 },
    { key: 'agreementState', header: '协议状态', type: 'enum', width: 12, options: zhOptions(AGREEMENT_STATE_LABELS) },
    { key: 'termStart', header: '协议开始', type: 'date', width: 12 },
    { key: 'termEnd', header: '协议到期', type: 'date', width: 12 },
    { key: 'commitments', header: '共建承诺', type: 'text', width: 40 },
  ],
});

/** The partner units of a place in the caller's subtree (else 404), for an office over it (else 403), by name. */
export async function exportPartnerUnits(ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply): Promise<FastifyReply> {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, partnerUnitPolicy, 'export', place.path, {}, 'place');
  const { items } = await listPartnerUnits(ctx, actor, { placeId });
  const rows: LedgerRecord<typeof PARTNER_UNITS_LEDGER>[] = items.map((u) => ({
    name: u.name, kind: u.partnerKind, place: u.placeName, contact: u.contactName, contactTitle: u.contactTitle, agreementState: u.agreementState,
    termStart: u.agreement?.termStart, termEnd: u.agreement?.termEnd, commitments: u.agreement?.commitments,
  }));
  await exportLedger(reply, PARTNER_UNITS_LEDGER, rows, { fileName: [place.name, PARTNER_UNITS_LEDGER.title.zh] });
  return reply;
}
