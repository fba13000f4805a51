import { defineMessages } from '../../core/i18n.js';

/** Party organisations' (党组织) messages; the labels of the state table are in contracts/party.ts. */
export const partyMsg = defineMessages({
  placeLevel: { zh: '{kind}只能建在{levels}', en: 'A {kind} is bound to a {levels}' },
  orgExists: { zh: '该处已有在册的{kind}', en: 'This place already has an active {kind}' },
  unitRequired: { zh: '请选择共建单位', en: 'Pick the partner unit' },
  unitNotPartner: { zh: '请选择本辖区的共建单位', en: 'Pick a partner unit of this area' },
  unitOnlyForPartner: { zh: '只有共建单位党组织关联单位', en: 'Only a partner unit party org names a unit' },
  seatUnit: { zh: '第{n}位委员的单位不存在', en: 'The unit of seat {n} does not exist' },
  figureBranches: { zh: '小区党支部数', en: 'Compound branches' },
});
