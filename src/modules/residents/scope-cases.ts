import ExcelJS from 'exceljs';
import { defineScopeSuite } from '../../core/scope-suite.js';
import { multipartFile } from '../../test/harness.js';

/** grid1 reaches grid2's households and residents, and its compound's roster. */
export const scopeSuite = defineScopeSuite({
  async prepare() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号']);
    ws.addRow(['9栋', '101', '张三', '男', '户主', '13800001111', '']);
    return { rosterFile: Buffer.from(await wb.xlsx.writeBuffer()) };
  },
  cases: [
    { route: 'GET /api/places/{id}/roster.xlsx', who: 'grid1', request: (f) => ({ url: `/api/places/${f.compound.id}/roster.xlsx` }) },
    { route: 'POST /api/places/{id}/roster', who: 'grid1', request: (f) => ({ method: 'POST', url: `/api/places/${f.compound.id}/roster`, ...multipartFile(f.rosterFile) }) },
    { route: 'GET /api/households/{id}', who: 'grid1', request: (f) => ({ url: `/api/households/${f.household.id}` }) },
    { route: 'GET /api/residents', who: 'grid1', request: (f) => ({ url: `/api/residents?placeId=${f.household.id}` }) },
    { route: 'GET /api/residents/{id}', who: 'grid1', request: (f) => ({ url: `/api/residents/${f.resident.id}` }) },
    { route: 'POST /api/residents', who: 'grid1',
      request: (f) => ({ method: 'POST', url: '/api/residents', payload: { householdId: f.household.id, name: '李四', relation: 'tenant' } }) },
    { route: 'PATCH /api/residents/{id}', who: 'grid1', request: (f) => ({ method: 'PATCH', url: `/api/residents/${f.resident.id}`, payload: { version: 1, name: '改名' } }) },
    { route: 'POST /api/residents/{id}/reveal', who: 'grid1',
      request: (f) => ({ method: 'POST', url: `/api/residents/${f.resident.id}/reveal`, payload: { field: 'phone', reason: '越权查看' } }) },
  ],
});
