import type { Widen } from '../../app/i18n/types';

/** The place tree, roster and place texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { places: '地点' },
  level: {
    district: '区', street: '街道', community: '社区', grid: '网格', compound: '小区', building: '楼栋', household: '户',
    town: '镇', township: '乡', village: '村',
  },
  compoundType: {
    no_property_management: '无物业小区', property_managed: '有物业小区', enterprise: '企业(厂区)宿舍', mixed_use: '商住混合小区', scattered: '散居户',
  },
  place: {
    tree: '地点树', searchPlaceholder: '搜索地点名称', name: '名称', level: '层级', code: '编码', compoundType: '小区类型', threeNo: '三无小区',
    threeNoTag: '三无', address: '地址', revealAddress: '查看地址', children: '下级地点', noChildren: '暂无下级地点', create: '新建下级',
    createTitle: '新建{level}', edit: '编辑', editTitle: '编辑{name}', move: '迁移', moveTitle: '迁移{name}', newParent: '迁入网格',
    newParentPlaceholder: '搜索网格名称', exportRoster: '导出花名册', importRoster: '导入花名册', importGeometry: '导入边界', editPoint: '编辑位置', editBoundary: '编辑边界', created: '已创建', updated: '已保存', moved: '已迁移',
    changeReason: '修改理由(可选)', selectPlace: '请选择地点', childrenCount: '下级 {count} 个',
  },
  count: { community: '社区', grid: '网格', compound: '小区', building: '楼栋', household: '户', residents: '居民' },
  roster: {
    title: '导入花名册', choose: '选择 .xlsx 文件', uploading: '正在上传', processing: '服务器正在校验并导入…',
    hint: '表头:楼栋、房号、姓名、性别、与户主关系、手机号、身份证号。任一行有误则不导入任何数据。', badRows: '以下行有错误,未导入任何数据', row: '行号', field: '字段', reason: '原因',
    done: '导入完成', summary: '新建楼栋 {buildings} 栋、户 {households} 户、居民 {residents} 人,更新居民 {updated} 人',
    fields: {
      building: '楼栋', household: '房号', name: '姓名', gender: '性别', relation: '与户主关系', phone: '手机号', idNumber: '身份证号', file: '文件',
    },
  },
  action: {
    move: '迁移', import_roster: '导入花名册', export_roster: '导出花名册', import_division: '导入行政区划', set_geometry: '设置边界或位置',
    import_geometry: '导入边界或位置',
  },
  entity: { place: '地点' },
  geometryEdit: {
    titleBoundary: '编辑边界', titlePoint: '编辑位置', hintBoundary: '拖动顶点调整边界;点击边线可加一个顶点,右键点击顶点(或选中后点“删除顶点”)可删去它,至少保留3个。虚线为上级地点的边界。', hintPoint: '拖动红点调整位置,小区轮廓和楼栋随之移动;虚线为上级地点的边界。',
    removeVertex: '删除顶点', minVertices: '边界至少要有3个顶点',
    save: '保存', stale: '该地点已被他人修改,请关闭后重新打开再编辑', multi: '多块组成的边界请通过导入修改',
    noParent: '上级地点还没有边界,请先为上级导入或绘制边界', hintDraw: '在图上依次点击边界的各个拐点(至少3个);点击边线可在中间加点,拖动顶点可调整,右键点击顶点可删去它。虚线为上级地点的边界,灰色为相邻地点。',
    hintPlace: '在图上点击放置位置,可再拖动调整;虚线为上级地点的边界。', savedWithOverlaps: '已保存。新边界与相邻地点重叠(仅提示),请核对:',
  },
  geometryImport: {
    title: '导入边界', hint: '选择一个 GeoJSON 文件(FeatureCollection),每个要素对应一个地点,以 properties.code(区划代码)或 properties.id(地点编号)匹配。先预览,确认后整批导入:任一要素有误则不写入任何数据。',
    crs: '坐标系', wgs84: 'WGS-84(GPS、手机定位)', gcj02: 'GCJ-02(高德、腾讯等国内地图)', choose: '选择 .geojson 文件', notJson: '文件不是有效的 JSON',
    uploading: '正在上传', checking: '服务器正在校验…', importing: '服务器正在导入…',
    changedCount: '将更新 {count} 个', unchangedCount: '无变化 {count} 个', unmatchedCount: '未匹配 {count} 个', invalidCount: '有误 {count} 个',
    willRefuse: '有 {count} 个要素未匹配或有误:导入将被拒绝,不会写入任何数据', overlapsTitle: '以下边界与相邻地点重叠(仅提示,不阻止导入)',
    overlap: '{name} 与 {sibling} 重叠约 {area} 平方米', feature: '要素', ref: '代码 / 编号', status: '结果', reason: '原因',
    changed: '将更新', unchanged: '无变化', unmatched: '未匹配', invalid: '有误', chooseAgain: '重新选择文件', confirm: '确认导入',
    done: '导入完成', doneSummary: '已更新 {changed} 个地点,{unchanged} 个无变化',
  },
  placeMap: { title: '地图', open: '待办结', overdue: '超期', overdueLegend: '有超期工单', openLegend: '有待办结工单', clearLegend: '无待办工单', unmapped: '未标注边界或位置:{names}' },
  field: {
    level: '层级', parentId: '上级', compoundType: '小区类型', threeNo: '三无', path: '路径', rows: '行数', created: '新建', updated: '更新',
    geometryType: '几何类型', outline: '轮廓', bbox: '范围(经纬度)', crs: '原坐标系',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { places: 'Places' },
  level: {
    district: 'District', street: 'Street', community: 'Community', grid: 'Grid', compound: 'Compound', building: 'Building',
    household: 'Household', town: 'Town', township: 'Township', village: 'Village',
  },
  compoundType: {
    no_property_management: 'No property management', property_managed: 'Property-managed',
    enterprise: 'Enterprise / factory dormitory', mixed_use: 'Mixed commercial-residential', scattered: 'Scattered households',
  },
  place: {
    tree: 'Place tree', searchPlaceholder: 'Search places by name', name: 'Name', level: 'Level', code: 'Code',
    compoundType: 'Compound type', threeNo: 'Three-no compound', threeNoTag: 'Three-no', address: 'Address',
    revealAddress: 'Reveal address', children: 'Places under it', noChildren: 'No places under it yet', create: 'Add child',
    createTitle: 'New {level}', edit: 'Edit', editTitle: 'Edit {name}', move: 'Move', moveTitle: 'Move {name}',
    newParent: 'New grid', newParentPlaceholder: 'Search grids by name', exportRoster: 'Export roster',
    importRoster: 'Import roster', importGeometry: 'Import boundaries', editPoint: 'Edit point', editBoundary: 'Edit boundary', created: 'Created', updated: 'Saved', moved: 'Moved',
    changeReason: 'Reason for the change (optional)', selectPlace: 'Choose a place', childrenCount: '{count} under it',
  },
  count: {
    community: 'Communities', grid: 'Grids', compound: 'Compounds', building: 'Buildings', household: 'Households',
    residents: 'Residents',
  },
  roster: {
    title: 'Import roster', choose: 'Choose an .xlsx file', uploading: 'Uploading',
    processing: 'The server is checking and importing…',
    hint: 'Headers: 楼栋, 房号, 姓名, 性别, 与户主关系, 手机号, 身份证号. If any row is bad, nothing is imported.',
    badRows: 'These rows are wrong; nothing was imported', row: 'Row', field: 'Field', reason: 'Reason', done: 'Import finished',
    summary: 'Created {buildings} buildings, {households} households, {residents} residents; updated {updated} residents',
    fields: {
      building: 'Building', household: 'Room', name: 'Name', gender: 'Gender', relation: 'Relation to head', phone: 'Phone',
      idNumber: 'ID number', file: 'File',
    },
  },
  action: {
    move: 'Moved', import_roster: 'Imported roster', export_roster: 'Exported roster', import_division: 'Imported division',
    set_geometry: 'Set boundary or point', import_geometry: 'Imported boundary or point',
  },
  entity: { place: 'Place' },
  geometryEdit: {
    titleBoundary: 'Edit boundary', titlePoint: 'Edit point', hintBoundary: 'Drag the vertices; click an edge to add a vertex, right-click a vertex (or select it and press “Delete vertex”) to remove it, keeping at least 3. The dashed line is the parent’s boundary.', hintPoint: 'Drag the red point; the outline and the buildings move with it. The dashed line is the parent’s boundary.',
    removeVertex: 'Delete vertex', minVertices: 'A boundary keeps at least 3 vertices',
    save: 'Save', stale: 'Someone changed this place since you opened it: close and open it again', multi: 'A boundary in several parts is changed by import',
    noParent: 'The parent place has no boundary yet: import or draw the parent’s first', hintDraw: 'Click the corners of the boundary in turn (at least 3); click an edge to add a corner there, drag a corner to move it, right-click one to remove it. The dashed line is the parent’s boundary, grey the neighbours’.',
    hintPlace: 'Click to place the point, then drag it to adjust. The dashed line is the parent’s boundary.', savedWithOverlaps: 'Saved. The new boundary overlaps a neighbour’s (a warning): please check',
  },
  geometryImport: {
    title: 'Import boundaries', hint: 'Choose a GeoJSON file (a FeatureCollection), one feature per place, matched by properties.code (division code) or properties.id (place id). Preview first, then import the whole file: if any feature is wrong, nothing is written.',
    crs: 'Coordinates', wgs84: 'WGS-84 (GPS, phones)', gcj02: 'GCJ-02 (Amap, Tencent and other Chinese maps)', choose: 'Choose a .geojson file', notJson: 'The file is not valid JSON',
    uploading: 'Uploading', checking: 'The server is checking…', importing: 'The server is importing…',
    changedCount: '{count} to update', unchangedCount: '{count} unchanged', unmatchedCount: '{count} unmatched', invalidCount: '{count} invalid',
    willRefuse: '{count} features are unmatched or invalid: the import will be refused and nothing written', overlapsTitle: 'These boundaries overlap a neighbour’s (a warning; the import is not refused)',
    overlap: '{name} overlaps {sibling} by about {area} m²', feature: 'Feature', ref: 'Code / id', status: 'Result', reason: 'Reason',
    changed: 'To update', unchanged: 'Unchanged', unmatched: 'Unmatched', invalid: 'Invalid', chooseAgain: 'Choose another file', confirm: 'Import',
    done: 'Imported', doneSummary: '{changed} places updated, {unchanged} unchanged',
  },
  placeMap: {
    title: 'Map', open: 'Unresolved', overdue: 'Overdue', overdueLegend: 'Overdue orders', openLegend: 'Unresolved orders',
    clearLegend: 'No orders waiting', unmapped: 'Without a boundary or point: {names}',
  },
  field: {
    level: 'Level', parentId: 'Parent', compoundType: 'Compound type', threeNo: 'Three-no', path: 'Path', rows: 'Rows',
    created: 'Created', updated: 'Updated', geometryType: 'Geometry type', outline: 'Outline', bbox: 'Extent (lon/lat)', crs: 'Sent in',
  },
};
