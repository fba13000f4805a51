import type { Urgency } from '../../../contracts/work-orders.js';

/** How platforms write 紧急程度: 一般/紧急/特急 and their neighbours; an empty cell is normal. */
const URGENCY_SPELLINGS: Record<Urgency, readonly string[]> = {
  normal: ['normal', '一般', '普通', '正常', '常规', '否', '不紧急'],
  urgent: ['urgent', '紧急', '加急', '较急', '急', '是'],
  critical: ['critical', '特急', '特别紧急', '非常紧急', '特殊紧急', '十分紧急'],
};
const URGENCY_OF = new Map(Object.entries(URGENCY_SPELLINGS).flatMap(([u, names]) => names.map((n) => [n, u as Urgency] as const)));
export const urgencyOfText = (text: string): Urgency | undefined => URGENCY_OF.get(text.trim().toLowerCase());
export const URGENCY_NAMES = { zh: '一般、紧急、特急', en: 'normal, urgent, critical (一般, 紧急, 特急)' };

/** How platforms write 是否保密: 是/否, 保密/不保密, Y/N, 1/0. */
const YES = ['是', '保密', '需要保密', '要求保密', 'y', 'yes', '1', 'true'];
const NO = ['否', '不保密', '无需保密', '不需要保密', 'n', 'no', '0', 'false'];
export const confidentialOfText = (text: string): boolean | undefined => {
  const t = text.trim().toLowerCase();
  return YES.includes(t) ? true : NO.includes(t) ? false : undefined;
};
