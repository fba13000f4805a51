import { defineMessages } from '../../core/i18n.js';

/** Why a geometry is refused, and the import's texts. */
export const geometryMsg = defineMessages({
  levelDistrict: { zh: '区', en: 'district' }, levelStreet: { zh: '街道', en: 'street' }, levelCommunity: { zh: '社区', en: 'community' },
  levelGrid: { zh: '网格', en: 'grid' }, levelCompound: { zh: '小区', en: 'compound' }, levelBuilding: { zh: '楼栋', en: 'building' },
  levelHousehold: { zh: '户', en: 'household' },
  noGeometry: { zh: '{level}不标注地理位置', en: 'A {level} carries no geometry' },
  wrongType: { zh: '{level}须为{expected}', en: 'A {level} takes a {expected}' },
  boundary: { zh: '边界(多边形)', en: 'boundary (Polygon or MultiPolygon)' },
  point: { zh: '位置(点)或轮廓(多边形)', en: 'point (Point, or a Polygon as its outline)' },
  badCoordinates: { zh: '坐标须为[经度, 纬度]数字', en: 'Coordinates are [longitude, latitude] numbers' },
  outsideChina: { zh: '坐标不在中国境内(经度73–136,纬度3–54)', en: 'Coordinates lie outside China (longitude 73–136, latitude 3–54)' },
  ringNotClosed: { zh: '多边形的环须闭合且至少有4个点', en: 'A polygon ring must be closed and have at least 4 positions' },
  selfIntersection: { zh: '边界自相交', en: 'The boundary crosses itself' },
  invalidPolygon: { zh: '多边形无效(如内环不在外环之内)', en: 'The polygon is not valid (e.g. a hole outside its shell)' },
  outsideParent: { zh: '不在上级地点“{parent}”的边界之内', en: 'Not inside the boundary of its parent “{parent}”' },
  unmatched: { zh: '找不到编码或编号为“{ref}”的地点', en: 'No place has the code or id “{ref}”' },
  noReference: { zh: '要素须有 properties.code 或 properties.id', en: 'A feature needs properties.code or properties.id' },
  duplicate: { zh: '同一地点在文件中出现多次', en: 'The same place appears more than once in the file' },
  notYours: { zh: '无权修改该地点的边界', en: 'You may not change this place’s geometry' },
  badCrs: { zh: '坐标系只支持 WGS-84 或 GCJ-02', en: 'The coordinate system is WGS-84 or GCJ-02' },
  badCollection: { zh: '须为 GeoJSON FeatureCollection', en: 'A GeoJSON FeatureCollection is expected' },
  rejected: { zh: '有 {count} 个要素有误,未导入任何边界', en: '{count} features are wrong; nothing was imported' },
  nothing: { zh: '没有可导入的要素', en: 'No feature to import' },
});
