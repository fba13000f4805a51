import { defineMessages } from '../../core/i18n.js';

/** Places' messages, and the levels' Chinese names used in them. */
export const placeMsg = defineMessages({
  nameRequired: { zh: '请填写名称', en: 'Name is required' },
  wrongParent: { zh: '{level}只能建在{parent}之下', en: 'A {level} belongs under a {parent}, not a {actual}' },
  compoundTypeRequired: { zh: '请选择小区类型', en: 'Choose the compound type' },
  onlyCompoundHasType: { zh: '只有小区有类型和三无标记', en: 'Only a compound has a type and the 三无 flag' },
  wrongMoveParent: { zh: '目标上级的层级不符', en: 'A {level} can only move under a {parent}' },
  sameParent: { zh: '已在该上级之下', en: 'Already under that place' },
  missMissing: { zh: '请填写所属社区(区划代码或名称)或地点编号', en: 'Give the community (division code or name) or a place id' },
  missNotFound: { zh: '地点不存在或不在本接口的辖区内', en: 'No such place in the area this caller files for' },
  missUnmatched: { zh: '找不到该名称的小区,请同时填写所属社区', en: 'No compound has that name; give the community as well' },
  missAmbiguous: { zh: '有多个同名地点,请填写所属社区或地点编号', en: 'Several places have that name; give the community or a place id' },
  missTooHigh: { zh: '诉求须落到社区及以下', en: 'A demand belongs to a community or a place below it' },
  district: { zh: '区', en: 'district' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  grid: { zh: '网格', en: 'grid' },
  compound: { zh: '小区', en: 'compound' },
  building: { zh: '楼栋', en: 'building' },
  household: { zh: '户', en: 'household' },
});
