import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ZId } from '../validation.js';
import { transition } from './engine.js';
import type { Caller, LifecycleDef } from './types.js';

export const stepPath = (action: string) => action.replace(/_/g, '-');

/** POST {base}/:id/{step} for every step of the table, each with its input schema in the OpenAPI description. */
export function lifecycleRoutes(
  def: LifecycleDef<any, string, string, string>,
  opts: { base: string; tags: string[]; caller: (req: FastifyRequest) => Caller | Promise<Caller>; only?: readonly string[] },
): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (): AppContext => app.ctx;
    for (const [action, step] of Object.entries(def.steps)) {
      if (opts.only && !opts.only.includes(action)) continue;
      const label = def.labels.steps[action]!;
      app.post(`${opts.base}/:id/${stepPath(action)}`, {
        schema: { tags: opts.tags, summary: `${label.en} (${label.zh})`, params: z.object({ id: ZId }), body: step.input },
      }, async (req) => transition(def, ctx(), await opts.caller(req), req.params.id, action, req.body as { version: number }));
    }
  };
}
