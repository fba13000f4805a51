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
