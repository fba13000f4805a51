import { defineMessages } from '../../core/i18n.js';

/** The residents' phone pages: sign-in by SMS code, place search. */
export const h5Msg = defineMessages({
  badMobile: { zh: '请输入11位手机号码', en: 'Enter an 11-digit mobile number' },
  badCode: { zh: '请输入6位数字验证码', en: 'Enter the 6-digit code' },
  searchRequired: { zh: '请输入小区名称', en: 'Type part of the compound’s name' },
  placeLevel: { zh: '请选择小区、楼栋或房屋', en: 'Pick a compound, building or household' },
  perMinute: { zh: '验证码发送过于频繁,请1分钟后再试', en: 'One code a minute; try again shortly' },
  perHour: { zh: '该手机号1小时内获取验证码次数已达上限,请稍后再试', en: 'Five codes an hour for this phone; try again later' },
  perAddress: { zh: '此网络获取验证码次数过多,请稍后再试', en: 'Too many codes asked for from this network; try again later' },
  sms: { zh: '【一张网】您的验证码是{code},5分钟内有效。如非本人操作,请忽略本短信。', en: '[OneGrid] Your code is {code}, valid for 5 minutes. Ignore this message if you did not ask for it.' },
  smsFailed: { zh: '短信暂时发送失败,请稍后再试', en: 'The text message could not be sent; try again in a moment' },
  codeInvalid: { zh: '验证码无效,请重新获取', en: 'No valid code; request a new one' },
  codeExpired: { zh: '验证码已过期,请重新获取', en: 'The code has expired; request a new one' },
  codeLocked: { zh: '验证码错误次数过多,请重新获取', en: 'Too many wrong tries; request a new code' },
  codeWrong: { zh: '验证码不正确,还可尝试{left}次', en: 'Wrong code; {left} tries left' },
});
