import { defineModule } from '../../core/module.js';
import { ratesPolicy, ratesRoutes } from './routes.js';
import { ratingsReadModel } from './ratings.js';
import { rateMsg } from './messages.js';

/** The three rates (响应率, 解决率, 满意率) per office and month, their score and rank, drill-down, export and the public ranking. */
export const ratesModule = defineModule({
  name: 'rates',
  tables: ['work_order_ratings'],
  routes: [ratesRoutes],
  policies: [ratesPolicy],
  readModels: [ratingsReadModel],
  ledgers: [{
    key: 'rates', title: rateMsg.ledgerTitle, subject: 'rates', action: 'read',
    href: '/api/rates.xlsx?month={month}', params: ['month'],
  }],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
