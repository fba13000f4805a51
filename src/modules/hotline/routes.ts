import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { ledgerFileName, ledgerTemplate, readLedgerRows, spoolUpload, tooManyRows, XLSX_TYPE } from '../../core/ledger/index.js';
import { requireActor } from '../../core/http.js';
import { ZId } from '../../core/validation.js';
import { authenticateApiKey, type ApiKeyRow } from '../api-keys/index.js';
import { hotlineImportScope, importHotlineOrders } from './commands/import-hotline-orders.js';
import { pushHotlineOrder } from './commands/push-hotline-order.js';
import { HOTLINE_LEDGER, HOTLINE_LIMITS, type HotlineField } from './layout.js';
import { ZHotlineOrder } from './schema.js';
import { hotlineMsg } from './messages.js';

const tags = ['hotline'];

/** 12345 hotline intake: the platform's push (API key), the street's batch import, and the import template. */
export const hotlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const keys = new WeakMap<FastifyRequest, ApiKeyRow>();

  app.post('/hotline/orders', {
    schema: { tags, summary: 'The 12345 platform pushes one order (header X-Api-Key); the same order number again answers the filed order', body: ZHotlineOrder, security: [] },
    // The key is checked before the body, so a caller without one learns nothing about the format.
    onRequest: async (req) => {
      const key = await authenticateApiKey(app.ctx.handle.db, req.headers['x-api-key'] as string | undefined);
      if (!key) throw new AppError(401, 'invalid_api_key', hotlineMsg.invalidApiKey, 'X-Api-Key');
      keys.set(req, key);
    },
  }, async (req, reply) => {
    const result = await pushHotlineOrder(app.ctx, keys.get(req)!, req.body);
    return reply.status(result.duplicate ? 200 : 201).send(result);
  });

  app.post('/hotline/import', {
    schema: { tags, summary: 'Import 12345 orders: an .xlsx (see the template) or a JSON array, as a multipart file or a JSON body', querystring: z.object({ placeId: ZId.optional() }), consumes: ['multipart/form-data', 'application/json'] },
    // A JSON body has the file's limit: 5,000 orders take about 2 MB.
    bodyLimit: HOTLINE_LIMITS.maxBytes,
  }, async (req) => {
    const actor = requireActor(req);
    const scope = await hotlineImportScope(app.ctx, actor, req.query.placeId);
    const { rows, columnOf } = await readUpload(req);
    return importHotlineOrders(app.ctx, actor, scope, rows, columnOf);
  });

  app.get('/hotline/template.xlsx', { schema: { tags, summary: 'The empty import template' } }, async (req, reply) => {
    requireActor(req);
    return reply.type(XLSX_TYPE).header('content-disposition', ledgerFileName([HOTLINE_LEDGER.title.zh, hotlineMsg.template.zh], 'hotline-template'))
      .send(await ledgerTemplate(HOTLINE_LEDGER));
  });
};

type Upload = { rows: { row: number; values: unknown }[]; columnOf?: (field: string) => string | undefined };

/**
 * Rows from an uploaded .xlsx or .json file (read as it arrives, within the size and row limits), or from a JSON
 * array body; a row is the sheet's row number or the item's position.
 */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    if (Array.isArray(req.body)) return { rows: jsonRows(req.body) };
    throw noFile();
  }
  const part = await req.file({ limits: { fileSize: HOTLINE_LIMITS.maxBytes + 1 } });
  if (!part) throw noFile();
  const upload = await spoolUpload(part.file, HOTLINE_LIMITS.maxBytes);
  try {
    if (/\.json$/i.test(part.filename) || part.mimetype.includes('json') || upload.head.toString('utf8').trimStart().startsWith('[')) {
      return { rows: jsonRows(parseJson(await upload.text())) };
    }
    const sheet = await readLedgerRows(upload, HOTLINE_LEDGER, HOTLINE_LIMITS);
    return { rows: sheet.rows, columnOf: (field) => sheet.columns[field as HotlineField] };
  } finally {
    await upload.remove();
  }
}

function jsonRows(items: unknown): { row: number; values: unknown }[] {
  if (!Array.isArray(items)) throw badFile();
  if (items.length > HOTLINE_LIMITS.maxRows) throw tooManyRows(HOTLINE_LIMITS.maxRows);
  return items.map((values, i) => ({ row: i + 1, values }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badFile();
  }
}

const noFile = () => new AppError(400, 'file_required', hotlineMsg.fileRequired, 'file');
const badFile = () => new AppError(422, 'bad_file', hotlineMsg.badFile, 'file');
