import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesOf } from '../../core/access/policy.js';
import { requireActor } from '../../core/http.js';
import { ledgers, policies } from '../../core/registry.js';

/** The 台账 page: every ledger the installed modules declare that the caller may export (by the ability it names). */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/ledgers', { schema: { tags: ['ledgers'], summary: 'The ledgers the signed-in user may export' } }, async (req) => {
    const abilities = abilitiesOf(requireActor(req), policies());
    const items = ledgers().filter((l) => abilities[l.subject]?.includes(l.action))
      .map((l) => ({ key: l.key, module: l.module, title: l.title, href: l.href, params: l.params ?? [] }));
    return { items };
  });
};
