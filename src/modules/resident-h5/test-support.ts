import { lastMessageTo } from '../../core/sms.js';
import type { Client, TestApp } from '../../test/harness.js';
import { demandTarget } from '../work-orders/test-support.js';
import { multipartForm, tinyJpeg, tinyPng, type FormFile } from '../attachments/test-support.js';

/** The six-digit code in the last SMS the log provider took for this phone. */
export function lastCodeFor(phone: string): string | undefined {
  return lastMessageTo(phone)?.match(/\d{6}/)?.[0];
}

/** Signs a resident in by SMS code and returns a client that sends their cookie. */
export async function asResident(t: TestApp, phone: string): Promise<Client> {
  const sent = await t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`code for ${phone}: ${sent.statusCode} ${sent.body}`);
  const res = await t.app.inject({ method: 'POST', url: '/api/h5/login', payload: { phone, code: lastCodeFor(phone) } });
  if (res.statusCode !== 200) throw new Error(`resident login ${phone}: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'onegrid_resident')!.value;
  return (o) => t.app.inject({ ...o, cookies: { ...(o.cookies ?? {}), onegrid_resident: token } });
}

export const twoPhotos = (): FormFile[] => [
  { filename: 'light.png', type: 'image/png', data: tinyPng() },
  { filename: 'pole.jpg', type: 'image/jpeg', data: tinyJpeg() },
];

/** Files a demand on the 北江社区第1网格 compound as the resident, with photos. */
export async function fileAsResident(resident: Client, t: TestApp, files: FormFile[] = twoPhotos(), extra: Record<string, string> = {}) {
  const { compound, category } = await demandTarget(t);
  return resident({
    method: 'POST', url: '/api/h5/demands',
    ...multipartForm({ categoryId: category.id, placeId: compound.id, title: '楼下路灯不亮', description: '3栋门口路灯坏了一周,晚上看不见路', ...extra }, files),
  });
}
