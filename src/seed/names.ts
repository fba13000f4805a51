import type { Random } from './random.js';

const SURNAMES = '李王张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁宋郑谢韩唐冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰俊峰海燕婷雪梅晓东文辉佳怡浩然子涵欣怡宇轩梓萱嘉豪诗琪家乐杏珊锦荣振华少芬炳坤惠玲国强淑贞';
const COMPOUNDS = ['时代城', '江景花园', '碧桂园', '广海大道小区', '金域华府', '荷香苑', '康乐新村', '西南商住楼', '水岸名都', '恒福花园',
  '北江豪庭', '文锋雅苑', '沙头新村', '云秀家园', '桥头公寓', '月桂小区', '园林雅居', '河口新区', '供电宿舍', '纺织厂宿舍', '粮所宿舍', '健力宝宿舍'];
const ROADS = ['广海大道', '健力宝南路', '西青大道', '张边路', '三达路', '人民路', '文锋路', '沙头路', '北江路', '河口大道'];

export function personName(r: Random): string {
  const given = r.next() < 0.6 ? GIVEN[r.int(0, GIVEN.length - 1)]! + GIVEN[r.int(0, GIVEN.length - 1)]! : GIVEN[r.int(0, GIVEN.length - 1)]!;
  return SURNAMES[r.int(0, SURNAMES.length - 1)]! + given;
}

export const compoundName = (r: Random, i: number) => (i < COMPOUNDS.length && r.next() < 0.7 ? COMPOUNDS[i]! : `${r.pick(COMPOUNDS)}${i + 1}期`);
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
