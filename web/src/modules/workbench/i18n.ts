import type { Widen } from '../../app/i18n/types';

/** The workbench's texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { workbench: '工作台', phonePages: '居民服务' },
  workbench: {
    title: '工作台', waiting: '待我处理', nothingWaiting: '暂无待办', overdue: '已超期', dueSoon: '24小时内到期', today: '今日受理',
    todayTotal: '共 {total} 件', noIntake: '今日暂无受理', rates: '本月三率', ratesNote: '本月尚未结束,数据随办理进度变化',
    rank: '第 {rank} 名', lackingHead: '缺党员楼长的楼栋', notRanked: '本月无可计诉求,不参与排名', shortcuts: '常用功能', fileDemand: '登记诉求', allRates: '查看三率排名',
  },
  phonePages: {
    title: '居民服务', intro: '居民和党员的功能在手机页面上:用手机号和短信验证码登录。', file: '我要反映', fileHint: '提交诉求,附上照片',
    demands: '我的诉求', demandsHint: '查看办理进度,办结后评价', announcements: '通知公告', announcementsHint: '本小区的通知',
    partyPosts: '党员岗位', partyPostsHint: '查看本小区开放的岗位,推荐党员', ranking: '晾晒排名', rankingHint: '各社区三率排名',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { workbench: 'Workbench', phonePages: 'Resident services' },
  workbench: {
    title: 'Workbench', waiting: 'Waiting on me', nothingWaiting: 'Nothing waiting', overdue: 'Overdue', dueSoon: 'Due within 24 h',
    today: 'Received today', todayTotal: '{total} in all', noIntake: 'Nothing received today', rates: 'This month’s three rates',
    ratesNote: 'The month is not over: the figures change as orders are handled', rank: 'Rank {rank}',
    lackingHead: 'Buildings without a member head',
    notRanked: 'Nothing to count this month: not ranked', shortcuts: 'Shortcuts', fileDemand: 'File a demand', allRates: 'All three rates',
  },
  phonePages: {
    title: 'Resident services', intro: 'Residents and party members use the phone pages: sign in with your mobile number and a text-message code.',
    file: 'Report a problem', fileHint: 'File a demand, with photos', demands: 'My demands', demandsHint: 'Follow progress, rate the result',
    announcements: 'Notices', announcementsHint: 'Notices for your compound', partyPosts: 'Party posts',
    partyPostsHint: 'Open posts in your compound; recommend a member', ranking: 'Public ranking', rankingHint: 'The communities’ three rates',
  },
};
