import type { Widen } from '../../app/i18n/types';

/** The resident H5 texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  h5: {
    useLocation: '使用我的位置', locationProposal: '您可能在:{place}(约 {metres} 米)', locationConfirm: '就是这里', locationDismiss: '不是,我自己选',
    location: { denied: '未获得定位权限,请在浏览器设置中允许,或搜索选择小区', unavailable: '暂时无法定位,请搜索选择小区', none: '附近没有找到小区,请搜索选择' },
    title: '我要反映', phone: '手机号', code: '验证码', sendCode: '获取验证码', codeSent: '验证码已发送', signIn: '登录', signOut: '退出', compound: '小区',
    searchCompound: '输入小区名称搜索', building: '楼栋(可选)', category: '问题分类', type: '诉求类型', titleField: '标题', description: '问题描述',
    photos: '照片(最多6张)', submit: '提交', submitted: '提交成功', trackingNo: '您的工单号', myDemands: '我的诉求', announcements: '通知公告', newDemand: '我要反映',
    progress: '办理进度', rate: '评价', rateTitle: '对办理结果评价', comment: '评价意见(可选)', rated: '感谢您的评价', reopened: '已重新交办', empty: '暂无诉求',
    result: '办理结果',
    // What is wrong, not only which field: a resident on a phone reads these under the field.
    invalid: {
      phone: '请输入手机号', phoneFormat: '请输入11位手机号码,如13900001234', code: '请输入短信中的6位数字验证码',
      compound: '请选择或搜索您所在的小区', category: '请选择问题分类', type: '请选择诉求类型', description: '请简单描述您遇到的问题',
      rating: '请选择满意程度',
    },
    steps: {
      filed: '已提交', accepted: '已受理', dispatched: '已派单', taken: '已接单', contacted: '已联系', resolved: '已办结', followed_up: '已回访',
      rated: '已评价', answered: '已答复', rejected: '已退回', merged: '已合并',
    },
  },
} as const;

export const en: Widen<typeof zh> = {
  h5: {
    useLocation: 'Use my location', locationProposal: 'You seem to be at {place} (about {metres} m)', locationConfirm: 'That’s right', locationDismiss: 'No, I’ll choose',
    location: { denied: 'No permission to locate you: allow it in the browser’s settings, or search for your compound', unavailable: 'Your location is not available now: search for your compound', none: 'No compound found near you: search for it' },
    title: 'Report a problem', phone: 'Mobile', code: 'Code', sendCode: 'Send code', codeSent: 'Code sent', signIn: 'Sign in',
    signOut: 'Sign out', compound: 'Compound', searchCompound: 'Type the compound name', building: 'Building (optional)',
    category: 'Category', type: 'Type', titleField: 'Title', description: 'Description', photos: 'Photos (up to 6)',
    submit: 'Submit', submitted: 'Submitted', trackingNo: 'Your tracking number', myDemands: 'My demands', announcements: 'Notices', newDemand: 'Report',
    progress: 'Progress', rate: 'Rate', rateTitle: 'Rate the result', comment: 'Comment (optional)',
    rated: 'Thank you for rating', reopened: 'Reopened', empty: 'No demands yet', result: 'Result',
    invalid: {
      phone: 'Enter your mobile number', phoneFormat: 'Enter an 11-digit mobile number, e.g. 13900001234',
      code: 'Enter the 6-digit code from the text message', compound: 'Pick or search for your compound',
      category: 'Pick a category', type: 'Pick a type', description: 'Describe the problem in a few words',
      rating: 'Pick how satisfied you are',
    },
    steps: {
      filed: 'Filed', accepted: 'Accepted', dispatched: 'Dispatched', taken: 'Taken', contacted: 'Contacted',
      resolved: 'Resolved', followed_up: 'Followed up', rated: 'Rated', answered: 'Answered', rejected: 'Rejected',
      merged: 'Merged',
    },
  },
};
