import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness.js';
import { createCipher, dataKeyFingerprint, loadDataKey, mask, maskPersonalText, openDataKey } from './personal-data.js';
import { isValidIdNumber } from './validation.js';

describe('personal data', () => {
  it('generates the key once with mode 0600 and reads the same key back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-key-'));
    const key = loadDataKey(dir);
    expect(fs.statSync(path.join(dir, 'onegrid.key')).mode & 0o777).toBe(0o600);
    expect(loadDataKey(dir).equals(key)).toBe(true);
  });

  it('encrypts with a fresh nonce each time and detects tampering', () => {
    const c = createCipher(Buffer.alloc(32, 7));
    const a = c.encrypt('13812345678');
    const b = c.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(c.decrypt(a)).toBe('13812345678');
    const tampered = a.slice(0, -4) + (a.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => c.decrypt(tampered)).toThrow();
    expect(() => createCipher(Buffer.alloc(32, 8)).decrypt(a)).toThrow();
  });

  it('masks phone and ID numbers typed into free text, and leaves other numbers alone', () => {
    expect(maskPersonalText('我的电话13800138000,身份证440607199001011234,座机0757-87654321'))
      .toBe('我的电话138****8000,身份证4406**********1234,座机075****4321');
    expect(maskPersonalText('call +86 138-0013-8000 or 44060719900101123X')).toBe('call 138****8000 or 4406**********123X');
    const untouched = '3栋2单元1201室,工单20261124-ABCDEF12,金额123456元,编号12345678901234567890';
    expect(maskPersonalText(untouched)).toBe(untouched);
  });

  // Each spelling as a resident or an operator types it, inside a sentence, and what anyone outside the office may read.
  const SPELLINGS: [string, string][] = [
    ['13812345678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['１３８-１２３４-５６７８', '138****5678'],
    ['138１２３４5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138.1234.5678', '138****5678'],
    ['138 123 45678', '138****5678'],
    ['1381 234 5678', '138****5678'],
    ['138 - 1234 - 5678', '138****5678'],
    ['138　1234　5678', '138****5678'],
    ['+86 13812345678', '138****5678'],
    ['+86-138-1234-5678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['(+86)138 1234 5678', '138****5678'],
    ['（＋８６）１３８１２３４５６７８', '138****5678'],
    ['0086 138 1234 5678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['02088886666', '020****6666'],
    ['020-88886666', '020****6666'],
    ['020-8888 6666', '020****6666'],
    ['020 8888 6666', '020****6666'],
    ['(020)88886666', '020****6666'],
    ['（020）8888-6666', '020****6666'],
    ['0757-87654321', '075****4321'],
    ['075787654321', '075****4321'],
    ['0757-8765-4321', '075****4321'],
    ['0757－８７６５４３２１', '075****4321'],
    ['010-62345678', '010****5678'],
    ['0757-8765432', '075****5432'],
    ['+86 20 8888 6666', '020****6666'],
    ['+86-757-87654321', '075****4321'],
    ['440607199001011234', '4406**********1234'],
    ['44060719900101123X', '4406**********123X'],
    ['44060719900101123x', '4406**********123X'],
    ['440607 19900101 1234', '4406**********1234'],
    ['440607 19900101 123x', '4406**********123X'],
    ['4406 0719 9001 0112 34', '4406**********1234'],
    ['440607-19900101-1234', '4406**********1234'],
    ['４４０６０７１９９００１０１１２３４', '4406**********1234'],
    ['440607900101123', '4406*******1123'],
    ['zhang.san@example.com', 'z***@example.com'],
    ['Li_Xing+gov@mail.foshan.gov.cn', 'L***@mail.foshan.gov.cn'],
    ['ｚｈａｎｇ＠ｑｑ．ｃｏｍ', 'z***@qq.com'],
    ['12345@qq.com', '1***@qq.com'],
  ];

  it.each(SPELLINGS)('masks %s typed into a sentence', (typed, masked) => {
    expect(maskPersonalText(`联系人张先生,${typed},请尽快处理`)).toBe(`联系人张先生,${masked},请尽快处理`);
    expect(maskPersonalText(`${typed}`)).toBe(masked);
    expect(maskPersonalText(`tel: ${typed}.`)).toBe(`tel: ${masked}.`);
  });

  it('masks several numbers in one text, side by side, and leaves what lies between them', () => {
    expect(maskPersonalText('身份证440607199001011234 手机13812345678 座机02088886666 邮箱a.b@c.cn'))
      .toBe('身份证4406**********1234 手机138****5678 座机020****6666 邮箱a***@c.cn');
    expect(maskPersonalText('13812345678 13987654321')).toBe('138****5678 139****4321');
    expect(maskPersonalText('2026-12-01 13812345678')).toBe('2026-12-01 138****5678');
    expect(maskPersonalText('13812345678 1234567')).toBe('138****5678 1234567');
  });

  // What is no personal data and must read the same: dates, order numbers, amounts, buildings, times, counts, codes.
  const NOT_PERSONAL = [
    '2026-12-01', '2026.12.01', '2026/12/01', '2026年12月1日', '20261201', '2026-12-01 09:30:00', '2026-12-01至2026-12-31',
    '20261201-20261231', '20261202-256DE888', '20261124-ABCDEF12', '20261202-13812345', '工单号20261202-0757ABCD',
    '金额123456元', '1,380,000元', '13800.50元', '¥1380000', '3栋2单元501', '3栋2单元1201室', '广海大道123号',
    '邮编528100', '编号12345678901234567890', '第12345期', '10:30-11:30', '共138户1234人', '2026年度第3季度',
    '12345热线', '拨打12345', '110', '0.5公里', '5G', 'v1.2.3', '1381234567', '138123456789',
  ];

  it.each(NOT_PERSONAL)('leaves %s alone', (text) => {
    expect(maskPersonalText(text)).toBe(text);
    expect(maskPersonalText(`居民反映:${text},请核实`)).toBe(`居民反映:${text},请核实`);
  });

  it('masks phones, ID numbers and addresses', () => {
    expect(mask('phone', '13812345678')).toBe('138****5678');
    expect(mask('idNumber', '44060719900101123X')).toBe('4406**********123X');
    expect(mask('address', '广海大道123号')).toBe('广海大道****');
  });

  it('checks the ID number check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('checks the key against the fingerprint, and on a database from before fingerprints against the data', async () => {
    const t = await createTestApp();
    try {
      const key = loadDataKey(t.dataDir);
      const other = randomBytes(32).toString('hex');
      const recorded = await t.owner.selectFrom('instance_settings').select('value').where('name', '=', 'data_key_fingerprint').executeTakeFirstOrThrow();
      expect(recorded.value).toBe(dataKeyFingerprint(key));
      expect(recorded.value).not.toContain(key.toString('hex').slice(0, 16));
      await expect(openDataKey(t.owner, t.dataDir, other)).rejects.toThrow(/ONEGRID_DATA_KEY.*fingerprint/);
      // No key configured and none in DATA_DIR: refused, and no key made.
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'og-key-'));
      await expect(openDataKey(t.owner, empty)).rejects.toThrow(/no key is configured.*ONEGRID_DATA_KEY/);
      expect(fs.readdirSync(empty)).toEqual([]);
      // A database with personal data and no fingerprint yet: a key that cannot read the data is refused, the right one recorded.
      await t.owner.deleteFrom('instance_settings').execute();
      await expect(openDataKey(t.owner, t.dataDir, other)).rejects.toThrow(/cannot decrypt .*_enc/);
      await expect(openDataKey(t.owner, empty)).rejects.toThrow(/no key is configured/);
      expect(await t.owner.selectFrom('instance_settings').selectAll().execute()).toEqual([]);
      expect((await openDataKey(t.owner, t.dataDir)).equals(key)).toBe(true);
      expect(await t.owner.selectFrom('instance_settings').select('value').execute()).toEqual([recorded]);
    } finally {
      await t.close();
    }
  });
});
