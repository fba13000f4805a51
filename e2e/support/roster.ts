import ExcelJS from 'exceljs';

export const ROSTER_HEADERS = ['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号'];

/** A roster workbook in the layout the server exports and imports (Chinese headers, one row per resident). */
export async function rosterXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民花名册');
  ws.addRow(ROSTER_HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
