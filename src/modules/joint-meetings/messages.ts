import { defineMessages } from '../../core/i18n.js';

/** The joint meetings' messages; the labels of the state tables are in contracts/joint-meetings.ts. */
export const meetingMsg = defineMessages({
  placeLevel: { zh: '联席会议由街道或社区召集', en: 'A joint meeting is convened by a street or a community' },
  notPartner: { zh: '请选择本辖区的共建单位', en: 'Pick partner units of this area' },
  notAgendaNeed: { zh: '该需求不在本辖区或已对接', en: 'The need is outside this area or already matched' },
  notInvitedUnit: { zh: '决定事项的责任单位须为参会的共建单位', en: 'A decision’s unit must be one of the invited units' },
  notInvited: { zh: '您所在单位未受邀参加本次会议', en: 'Your unit is not invited to this meeting' },
  closed: { zh: '会议已结束或已取消,不能签到', en: 'The meeting is over or cancelled: no more sign-ins' },
  noMinutes: { zh: '会议纪要尚未发布', en: 'The minutes are not published yet' },
  invited: { zh: '邀请您参加联席会议:{title}({at},{venue})', en: 'You are invited to the joint meeting {title} ({at}, {venue})' },
  assigned: { zh: '联席会议交办:{title},请于{due}前完成', en: 'The joint meeting assigned you: {title}, due {due}' },
  quarterDue: { zh: '{place}本季度({quarter})尚未召开联席会议,请在{last}前召开', en: '{place} has held no joint meeting this quarter ({quarter}): hold one by {last}' },
  minutesTitle: { zh: '{place}联席会议纪要', en: 'Minutes of the joint meeting of {place}' },
  minutesFile: { zh: '联席会议纪要-{title}', en: 'Joint meeting minutes - {title}' },
  pdfTime: { zh: '时间:{at}', en: 'Time: {at}' },
  pdfVenue: { zh: '地点:{venue}', en: 'Venue: {venue}' },
  pdfConvenor: { zh: '召集:{name}', en: 'Convened by: {name}' },
  pdfAgenda: { zh: '一、议题', en: '1. Agenda' },
  pdfAttendance: { zh: '二、参会单位(签到{n}/{total})', en: '2. Units attending ({n} of {total} signed in)' },
  pdfMinutes: { zh: '三、会议纪要', en: '3. Minutes' },
  pdfDecisions: { zh: '四、决定事项', en: '4. Decisions' },
  pdfSigned: { zh: '已签到 {at}', en: 'signed in {at}' },
  pdfAbsent: { zh: '未签到', en: 'absent' },
  pdfNeedItem: { zh: '(群众需求)', en: '(a resident need)' },
  pdfTask: { zh: '{title} —— 责任单位:{unit},完成时限:{due}', en: '{title} — unit: {unit}, due {due}' },
  pdfNone: { zh: '无', en: 'None' },
});

/** The rotating chair's messages; its state table's labels are in contracts/rotating-chair.ts. */
export const chairMsg = defineMessages({
  placeLevel: { zh: '轮值主席按社区排定', en: 'The rotating chair is scheduled per community' },
  notCommunityUnit: { zh: '请选择本社区的共建单位', en: 'Pick partner units of this community' },
  monthTaken: { zh: '该月已排定轮值单位', en: 'This month already has its chair' },
  notReported: { zh: '轮值单位提交活动报告后才能评议', en: 'The chair is rated once it has reported' },
  ownMonth: { zh: '不能评议本单位轮值的月份', en: 'A unit does not rate its own month' },
  notRater: { zh: '只有本社区其他共建单位可以评议', en: 'Only the community’s other partner units rate' },
  alreadyRated: { zh: '您已评议过本月轮值', en: 'You have rated this month already' },
  collectiveUnbalanced: { zh: '{month}联合轮值单位均为{size}单位,建议大小单位搭配', en: 'In {month} the chairing units are all {size}: pair large with small' },
  yearUnbalanced: { zh: '{year}年轮值中大单位{large}个月、小单位{small}个月,建议均衡安排', en: 'In {year}, large units chair {large} months and small ones {small}: balance them' },
  large: { zh: '大', en: 'large' },
  small: { zh: '小', en: 'small' },
  monthStart: { zh: '本月({month})由贵单位担任{place}轮值主席,请提交活动计划', en: 'Your unit chairs {place} this month ({month}): file the activity plan' },
  sheetTitle: { zh: '共建单位年度考评', en: 'Partner unit annual evaluation' },
});
