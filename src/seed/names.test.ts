import { describe, expect, it } from 'vitest';
import { COMPOUND_TYPES } from '../../contracts/places.js';
import { compoundNamer } from './names.js';
import { createRandom } from './random.js';

describe('demo compound names', () => {
  const kinds = COMPOUND_TYPES.filter((t) => t !== 'scattered');

  it('name each kind as such compounds are called, none twice, with no invented numbering', () => {
    const name = compoundNamer();
    const r = createRandom(7);
    const names = Array.from({ length: 400 }, (_, i) => [kinds[i % kinds.length]!, name(r, i, kinds[i % kinds.length]!)] as const);
    expect(new Set(names.map(([, n]) => n)).size).toBe(names.length);
    const endings: Record<(typeof kinds)[number], RegExp> = {
      property_managed: /(花园|城|园|华府|名都|豪庭|雅苑|家园|雅居|苑|华庭|名苑|湾|府|公馆|半岛)$/, no_property_management: /(新村|小区|新区|公寓|大院|住宅区)$/,
      enterprise: /(宿舍|家属区|生活区)$/, mixed_use: /(商住楼|综合楼|商业城)$/,
    };
    // Past every combination of a kind, a later phase of one (二期), as estates are built.
    for (const [kind, n] of names) expect(n.replace(/[二三四五六]期$/, ''), kind).toMatch(endings[kind]);
    expect(names.filter(([, n]) => /\d/.test(n))).toEqual([]);
  });

  it('draw from the random stream as the namer before them did, so the rest of the demo stays the same', () => {
    const before = createRandom(42);
    const COUNT = 22;
    for (let i = 0; i < 60; i++) if (!(i < COUNT && before.next() < 0.7)) before.pick(Array.from({ length: COUNT }));
    const now = createRandom(42);
    const name = compoundNamer();
    for (let i = 0; i < 60; i++) name(now, i, kinds[i % kinds.length]!);
    expect(now.next()).toBe(before.next());
  });
});
