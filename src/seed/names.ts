import type { CompoundType } from '../../contracts/places.js';
import type { Random } from './random.js';

const SURNAMES = '李王张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁宋郑谢韩唐冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰俊峰海燕婷雪梅晓东文辉佳怡浩然子涵欣怡宇轩梓萱嘉豪诗琪家乐杏珊锦荣振华少芬炳坤惠玲国强淑贞';
const COMPOUNDS = ['时代城', '江景花园', '碧桂园', '广海大道小区', '金域华府', '荷香苑', '康乐新村', '西南商住楼', '水岸名都', '恒福花园',
  '北江豪庭', '文锋雅苑', '沙头新村', '云秀家园', '桥头公寓', '月桂小区', '园林雅居', '河口新区', '供电宿舍', '纺织厂宿舍', '粮所宿舍', '健力宝宿舍'];
/** Names as compounds of each kind are called in a Pearl River Delta county town: estates, old compounds, unit dormitories, shop-houses. */
const NAMES: Record<Exclude<CompoundType, 'scattered'>, { named: string[]; prefixes: string[]; suffixes: string[] }> = {
  property_managed: {
    named: ['江景花园', '碧桂园', '金域华府', '水岸名都', '恒福花园', '北江豪庭', '文锋雅苑', '云秀家园', '园林雅居', '时代城', '荷香苑'],
    prefixes: ['御景', '翠湖', '锦绣', '君悦', '丽江', '凤凰', '嘉和', '怡景', '雅居乐', '美的', '保利', '万科', '汇景', '金沙', '海逸', '华景', '新城', '龙湾', '岭南', '东方'],
    suffixes: ['花园', '华庭', '名苑', '豪庭', '雅苑', '家园', '湾', '府', '公馆', '半岛'],
  },
  no_property_management: {
    named: ['康乐新村', '沙头新村', '河口新区', '月桂小区', '广海大道小区', '桥头公寓'],
    prefixes: ['西南', '健力宝', '三达', '张边', '文锋', '北江', '河口', '人民', '西青', '沙头', '金本', '大塘'],
    suffixes: ['新村', '小区', '大院', '公寓', '住宅区'],
  },
  enterprise: {
    named: ['供电宿舍', '纺织厂宿舍', '粮所宿舍', '健力宝宿舍'],
    prefixes: ['邮电局', '税务局', '人民医院', '第一中学', '水泥厂', '糖厂', '农机厂', '供销社', '自来水公司', '粮食局', '电影院', '交通局'],
    suffixes: ['宿舍', '家属区', '生活区'],
  },
  mixed_use: {
    named: ['西南商住楼'],
    prefixes: ['广海大道', '健力宝南路', '西青大道', '张边路', '三达路', '人民路', '文锋路', '沙头路', '北江路', '河口大道'],
    suffixes: ['商住楼', '综合楼', '商业城'],
  },
};
const PHASES = ['二期', '三期', '四期', '五期', '六期'];
const ROADS = ['广海大道', '健力宝南路', '西青大道', '张边路', '三达路', '人民路', '文锋路', '沙头路', '北江路', '河口大道'];

export function personName(r: Random): string {
  const given = r.next() < 0.6 ? GIVEN[r.int(0, GIVEN.length - 1)]! + GIVEN[r.int(0, GIVEN.length - 1)]! : GIVEN[r.int(0, GIVEN.length - 1)]!;
  return SURNAMES[r.int(0, SURNAMES.length - 1)]! + given;
}

/**
 * Names the compounds of one generation run: each as its kind is called (an estate 御景花园, an old compound 西南新村, a unit
 * dormitory 税务局宿舍, a shop-house 人民路商住楼), none twice; past every combination, a later phase (二期) of one. It draws from
 * `r` exactly as the namer before it did, so the rest of the demo (people, phones, orders) comes out as before.
 */
export function compoundNamer(): (r: Random, i: number, type: Exclude<CompoundType, 'scattered'>) => string {
  const used = new Set<string>();
  const next: Record<string, number> = {};
  return (r, i, type) => {
    if (!(i < COMPOUNDS.length && r.next() < 0.7)) r.pick(COMPOUNDS);
    const { named, prefixes, suffixes } = NAMES[type];
    const combos = prefixes.length * suffixes.length;
    for (;;) {
      const k = next[type] = (next[type] ?? -1) + 1;
      const base = k < named.length ? named[k]! : prefixes[(k - named.length) % prefixes.length]! + suffixes[Math.floor((k - named.length) / prefixes.length) % suffixes.length]!;
      const round = k < named.length ? 0 : Math.floor((k - named.length) / combos);
      const name = round === 0 ? base : `${base}${PHASES[(round - 1) % PHASES.length]}${round > PHASES.length ? Math.ceil(round / PHASES.length) : ''}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
export const streetAddress = (r: Random) => `${r.pick(ROADS)}${r.int(1, 300)}号`;

export function mobile(r: Random): string {
  return r.pick(['138', '139', '135', '136', '137', '150', '151', '158', '159', '186', '188', '189', '133', '177']) + String(r.int(0, 99999999)).padStart(8, '0');
}

/** A valid 18-digit ID number (GB 11643 check digit) born in this district. */
export function idNumber(r: Random, areaCode: string, birthYear: number): string {
  const date = `${birthYear}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const body = areaCode.slice(0, 6).padEnd(6, '0') + date + String(r.int(0, 999)).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}
