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

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];

/**
 * A valid roster of `households` households of three (head, spouse, child) spread over buildings of 40 households,
 * with mobile numbers for the heads: large enough that its upload takes a while on a throttled line.
 */
export function largeRosterRows(households: number): string[][] {
  const rows: string[][] = [];
  for (let h = 0; h < households; h++) {
    const building = `${Math.floor(h / 40) + 1}栋`;
    const room = `${Math.floor((h % 40) / 4) + 1}0${(h % 4) + 1}`;
    const surname = SURNAMES[h % SURNAMES.length]!;
    const name = (i: number) => `${surname}${GIVEN[(h * 3 + i) % GIVEN.length]}${h}`;
    rows.push([building, room, name(0), '男', '户主', `139${String(10_000_000 + h).slice(-8)}`, '']);
    rows.push([building, room, name(1), '女', '配偶', '', '']);
    rows.push([building, room, name(2), h % 2 ? '男' : '女', '子女', '', '']);
  }
  return rows;
}
