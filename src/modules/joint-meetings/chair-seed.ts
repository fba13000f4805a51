import { newId } from '../../core/ids.js';
import type { NewEvent } from '../../core/events.js';
import { currentMonth } from '../../../contracts/months.js';
import { unitSize } from '../../../contracts/rotating-chair.js';
import type { PartnerKind } from '../../../contracts/units.js';
import type { ChairMonthTable, ChairMonthUnitTable, ChairRatingTable } from './chair-tables.js';

type Unit = { id: string; name: string; partner_kind: PartnerKind | null };
export interface ChairSeedRows { months: ChairMonthTable[]; units: ChairMonthUnitTable[]; ratings: ChairRatingTable[]; events: NewEvent[] }

const PLAN = '本月围绕“邻里守望”开展共建活动:走访独居老人、组织义诊和安全用气宣传,活动方案已征求居民代表意见。';
const REPORT = '活动已完成:走访独居老人28户,义诊服务60余人次,发放安全用气宣传资料300份,居民反响良好。';

/**
 * A community's roster for this year: a month each, large and small units in turn (March paired, October two large ones,
 * which the balance check flags); months before this one reported and rated by three other units and two residents; this
 * month's chair (三水区人民医院 where it is a unit of the community) still to file its plan; later months scheduled.
 */
export function chairRoster(c: { id: string; path: string }, own: Unit[], random: { int(min: number, max: number): number }): ChairSeedRows {
  const out: ChairSeedRows = { months: [], units: [], ratings: [], events: [] };
  const now = currentMonth();
  const year = now.slice(0, 4);
  const large = own.filter((u) => unitSize(u.partner_kind) === 'large');
  const small = own.filter((u) => unitSize(u.partner_kind) === 'small');
  const hospital = own.find((u) => u.name === '三水区人民医院');
  if (!large.length || !small.length) return out;
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    let chairs = [(m % 2 ? large : small)[Math.floor(m / 2) % (m % 2 ? large : small).length]!];
    if (m === 3) chairs = [large[0]!, small[0]!];
    if (m === 10 && large.length > 1) chairs = [large[0]!, large[1]!];
    if (month === now && hospital) chairs = [hospital];
    const state = month < now ? 'reported' : 'scheduled';
    const at = `${month}-01T01:00:00.000Z`;
    const row: ChairMonthTable = { id: newId(), place_id: c.id, place_path: c.path, month, state, plan: state === 'reported' ? PLAN : null,
      report: state === 'reported' ? REPORT : null, version: state === 'reported' ? 3 : 1, created_at: `${year}-01-01T01:00:00.000Z`, updated_at: at };
    out.months.push(row);
    chairs.forEach((u) => out.units.push({ month_id: row.id, unit_id: u.id }));
    out.events.push({ entityType: 'chair_month', entityId: row.id, placeId: c.id, action: 'schedule', at: row.created_at, to: { state: 'scheduled', month }, reason: 'demo data' });
    if (state !== 'reported') continue;
    out.events.push({ entityType: 'chair_month', entityId: row.id, placeId: c.id, action: 'file_plan', at: `${month}-02T01:00:00.000Z`, from: { state: 'scheduled' }, to: { state: 'planned' }, reason: 'demo data' });
    out.events.push({ entityType: 'chair_month', entityId: row.id, placeId: c.id, action: 'report', at: `${month}-25T01:00:00.000Z`, from: { state: 'planned' }, to: { state: 'reported' }, reason: 'demo data' });
    const raters = own.filter((u) => !chairs.includes(u)).slice(m % 3, (m % 3) + 3);
    [...raters.map((u) => ({ kind: 'unit' as const, key: u.id })), { kind: 'resident' as const, key: `demo-resident-${m}-a` }, { kind: 'resident' as const, key: `demo-resident-${m}-b` }]
      .forEach((r, i) => {
        const rating = random.int(3, 5);
        out.ratings.push({ id: newId(), month_id: row.id, rater_kind: r.kind, rater_key: r.key, rating, comment: i === 0 ? '活动组织有序,居民受益' : null, created_at: `${month}-27T0${i}:00:00.000Z` });
        out.events.push({ entityType: 'chair_month', entityId: row.id, placeId: c.id, action: 'rate', at: `${month}-27T0${i}:00:00.000Z`, to: { rating, raterKind: r.kind }, reason: 'demo data' });
      });
  }
  return out;
}
