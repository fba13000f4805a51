import type { Widen } from '../../app/i18n/types';

/** 服务中心与便民服务点 texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { serviceSites: '服务阵地' },
  entity: { service_site: '服务中心或便民服务点' },
  serviceSite: {
    title: '党群服务中心与便民服务点', new: '登记', newTitle: '登记服务中心或便民服务点', editTitle: '修改', kind: '类型', name: '名称', place: '所在地点',
    placeHint: '挂在哪个街道、社区、网格、小区或楼栋上;该小区的码上通页面会列出它', address: '地址', hours: '开放时间', services: '服务内容',
    point: '位置(WGS-84)', lng: '经度', lat: '纬度', pointHint: '可不填;填写时经度和纬度须同时填写', state: '状态', anyKind: '全部类型', anyState: '全部状态',
    searchPlaceholder: '搜索名称', empty: '暂无服务中心或便民服务点', saved: '已保存', closeReason: '停用理由', done: '已完成',
    kinds: { service_centre: '党群服务中心(站)', service_point: '便民服务点' },
    states: { open: '在用', closed: '已停用' },
    steps: { edit: '修改', close: '停用', reopen: '重新启用' },
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { serviceSites: 'Service sites' },
  entity: { service_site: 'Service centre or point' },
  serviceSite: {
    title: 'Service centres and service points', new: 'Register', newTitle: 'Register a service centre or service point', editTitle: 'Edit', kind: 'Kind', name: 'Name',
    place: 'Place', placeHint: 'The street, community, grid, compound or building it hangs on; that compound’s QR page lists it', address: 'Address',
    hours: 'Opening hours', services: 'Services', point: 'Location (WGS-84)', lng: 'Longitude', lat: 'Latitude', pointHint: 'Optional; give both or neither',
    state: 'State', anyKind: 'All kinds', anyState: 'All states', searchPlaceholder: 'Search by name', empty: 'No service centre or service point yet',
    saved: 'Saved', closeReason: 'Why it closes', done: 'Done',
    kinds: { service_centre: 'Service centre', service_point: 'Service point' },
    states: { open: 'Open', closed: 'Closed' },
    steps: { edit: 'Edit', close: 'Close', reopen: 'Reopen' },
  },
};
