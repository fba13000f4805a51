import { defineLedger, zhOptions } from '../../core/ledger/index.js';
import { maskedColumn as masked } from '../../core/personal-data.js';
import { PARTY_MEMBER_CATEGORY_LABELS } from '../../../contracts/party.js';
import { partyMsg } from './messages.js';

/** The Chinese labels of an enum, as a ledger's enum column shows them. */

/** The party-member roster (党员花名册): exported masked; imported back all rows or none, a masked value keeping what is stored. */
export const MEMBER_ROSTER = defineLedger({
  key: 'party-members',
  sheet: '党员花名册',
  title: partyMsg.rosterTitle,
  columns: [
    { key: 'name', header: '姓名', type: 'text', width: 12, required: true, maxLength: 30 },
    { key: 'category', header: '党员类别', type: 'enum', width: 12, required: true, options: zhOptions(PARTY_MEMBER_CATEGORY_LABELS) },
    { key: 'org', header: '所属党组织', type: 'text', width: 24, required: true, maxLength: 60 },
    { key: 'compound', header: '小区', type: 'text', width: 16, maxLength: 50 },
    { key: 'building', header: '楼栋', type: 'text', width: 10, maxLength: 50 },
    { key: 'household', header: '房号', type: 'text', width: 10, maxLength: 50 },
    { key: 'unit', header: '工作单位', type: 'text', width: 20, maxLength: 60 },
    { key: 'phone', header: '手机号', type: 'text', width: 16, mask: masked('phone') },
    { key: 'idNumber', header: '身份证号', type: 'text', width: 22, mask: masked('idNumber') },
    { key: 'centralHousehold', header: '党员中心户', type: 'enum', width: 10, options: { yes: '是', no: '否' } },
  ],
});

export const ROSTER_LIMITS = { maxRows: 20_000, maxBytes: 10 * 1024 * 1024 };
