import { describe, expect, it } from 'vitest';
import { logSmsProvider } from './sms.js';

describe('the log SMS adapter (development)', () => {
  const lines: { obj: object; msg: string }[] = [];
  const provider = logSmsProvider({ info: (obj, msg) => lines.push({ obj, msg }), warn: () => undefined });

  it('writes a one-time code on a line of its own that names it, with the phone masked', async () => {
    await provider.send('13812345678', { template: 'oneTimeCode', params: { code: '482913' }, text: '您的验证码是482913' });
    const line = lines.at(-1)!;
    expect(line.msg).toBe('ONE-TIME CODE 482913 for 138****5678 (SMS_PROVIDER=log: not sent, development only)');
    expect(JSON.stringify(line)).not.toContain('13812345678');
  });

  it('writes any other message as an SMS that was not sent', async () => {
    await provider.send('13812345678', { template: 'demandResolved', params: { trackingNo: 'XN2026' }, text: '您的诉求已办结' });
    expect(lines.at(-1)!.msg).toBe('sms (log provider, not sent)');
    expect(lines.at(-1)!.msg).not.toContain('ONE-TIME CODE');
  });
});
