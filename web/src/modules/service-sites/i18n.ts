import type { Widen } from '../../app/i18n/types';

/** 服务中心与便民服务点 texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { serviceSites: '服务阵地' },
  entity: { service_site: '服务中心或便民服务点' },
  serviceSite: {
    title: '党群服务中心与便民服务点', new: '登记', newTitle: '登记服务中心或便民服务点', editTitle: '修改', kind: '类型', name: '名称', place: '所在地点',
    placeHint: '挂在哪个街道、社区、网格、小区或楼栋上;该小区的码上通页面会列出它', address: '地址', hours: '开放时间', services: '服务内容',
    point: '位置', lng: '经度', lat: '纬度', pointHint: '可不填;在地图上点击放置,或展开“手动输入经纬度”(WGS-84,须同时填写)', state: '状态', anyKind: '全部类型', anyState: '全部状态',
    searchPlaceholder: '搜索名称', empty: '暂无服务中心或便民服务点', saved: '已保存', closeReason: '停用理由', done: '已完成',
    kinds: { service_centre: '党群服务中心(站)', service_point: '便民服务点' },
    states: { open: '在用', closed: '已停用' },
    steps: { edit: '修改', close: '停用', reopen: '重新启用' },
    map: {
      modePoint: '放置位置', modeOutline: '描绘轮廓', clear: '清除位置和轮廓', clearOutline: '清除轮廓', manual: '手动输入经纬度',
      hintPoint: '点击地图放置位置,拖动红点可移动。', hintOutline: '依次点击轮廓的各个角(至少3个),拖动角点可移动。', ground: '底图:{place}的范围',
      pickPlace: '请先选择所在地点,再在地图上放置位置', noGround: '该地点及其上级都还没有标注边界或轮廓,无法在地图上放置;可手动输入经纬度',
      fewCorners: '轮廓至少需要3个角,或清除轮廓', show: '查看位置', title: '位置', coordinates: '经度 {lng},纬度 {lat}',
      noGroundView: '该地点及其上级都还没有标注边界或轮廓,无法在地图上显示', outline: '含轮廓',
    },
  },
  field: { hours: '开放时间', services: '服务内容', lng: '经度', lat: '纬度' },
} as const;

export const en: Widen<typeof zh> = {
  nav: { serviceSites: 'Service sites' },
  entity: { service_site: 'Service centre or point' },
  serviceSite: {
    title: 'Service centres and service points', new: 'Register', newTitle: 'Register a service centre or service point', editTitle: 'Edit', kind: 'Kind', name: 'Name',
    place: 'Place', placeHint: 'The street, community, grid, compound or building it hangs on; that compound’s QR page lists it', address: 'Address',
    hours: 'Opening hours', services: 'Services', point: 'Location', lng: 'Longitude', lat: 'Latitude',
    pointHint: 'Optional; click the map to place it, or open “Type the coordinates” (WGS-84, both or neither)',
    state: 'State', anyKind: 'All kinds', anyState: 'All states', searchPlaceholder: 'Search by name', empty: 'No service centre or service point yet',
    saved: 'Saved', closeReason: 'Why it closes', done: 'Done',
    kinds: { service_centre: 'Service centre', service_point: 'Service point' },
    states: { open: 'Open', closed: 'Closed' },
    steps: { edit: 'Edit', close: 'Close', reopen: 'Reopen' },
    map: {
      modePoint: 'Place the point', modeOutline: 'Draw the outline', clear: 'Clear point and outline', clearOutline: 'Clear the outline',
      manual: 'Type the coordinates', hintPoint: 'Click the map to place the point; drag the red dot to move it. ',
      hintOutline: 'Click the outline’s corners in turn (at least 3); drag a corner to move it. ', ground: 'Map: the ground of {place}',
      pickPlace: 'Choose the place first, then place the point on the map',
      noGround: 'Neither this place nor any place above it has a boundary or outline yet, so there is no map; type the coordinates instead',
      fewCorners: 'An outline needs at least 3 corners, or clear it', show: 'Location', title: 'Location', coordinates: 'Longitude {lng}, latitude {lat}',
      noGroundView: 'Neither this place nor any place above it has a boundary or outline yet, so there is no map to show', outline: 'with outline',
    },
  },
  field: { hours: 'Opening hours', services: 'Services', lng: 'Longitude', lat: 'Latitude' },
};
