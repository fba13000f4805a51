import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { ledgerFileName, ledgerTemplate, spoolUpload, tooManyRows, XLSX_TYPE } from '../../core/ledger/index.js';
import type { AppContext } from '../../core/context.js';
import type { Trx } from '../../core/db.js';
import { requireActor } from '../../core/http.js';
import { ZId, ZString } from '../../core/validation.js';
import { authenticateApiKey, type ApiKeyRow } from '../api-keys/index.js';
import { mask, maskPersonalText } from '../../core/personal-data.js';
import { hotlineImportScope, importHotlineOrders } from './commands/import-hotline-orders.js';
import { pushHotlineOrder } from './commands/push-hotline-order.js';
import { readHotlineFile, type HotlineFile } from './commands/read-hotline-file.js';
import { HOTLINE_LEDGER, HOTLINE_LIMITS } from './layout.js';
import { assertComplete, missingFields, toMapping, ZHotlineMapping, type THotlineMapping } from './mapping.js';
import { listSources, rememberMapping } from './sources.js';
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

  app.post('/hotline/import/preview', {
    schema: { tags, summary: 'The proposed mapping of a 12345 export’s columns to our fields (remembered for the source, else by header synonyms) and its first rows', querystring: ZImportQuery, consumes: ['multipart/form-data', 'application/json'] },
    bodyLimit: HOTLINE_LIMITS.maxBytes,
  }, async (req) => {
    const actor = requireActor(req);
    const scope = await hotlineImportScope(app.ctx, actor, req.query.placeId);
    const upload = await readUpload(req, app.ctx, scope);
    if (!upload.file) throw new AppError(400, 'multipart_required', hotlineMsg.fileRequired, 'file');
    const file = upload.file;
    return {
      source: upload.source ?? null, remembered: file.remembered?.name ?? null, columns: file.columns, missing: missingFields(file.columns), total: file.rows.length,
      // Staff check the mapping by these; phone and ID numbers are masked as everywhere else, also inside a text.
      preview: file.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, values: {
        ...maskValues(r.values), ...(r.values.reporterPhone ? { reporterPhone: mask('phone', r.values.reporterPhone) } : {}) } })),
      // The same rows cell by cell, so the dialog shows what each column holds and the rows as a corrected mapping reads them.
      samples: file.samples.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: maskValues(r.cells) })),
    };
  });

  app.get('/hotline/sources', {
    schema: { tags, summary: 'The named sources (e.g. the city’s 12345 platform) whose column mapping the caller’s offices remember, most recently used first', querystring: ZImportQuery },
  }, async (req) => {
    const actor = requireActor(req);
    const scope = await hotlineImportScope(app.ctx, actor, req.query.placeId);
    const sources = await listSources(app.ctx.handle.db, scope.map((s) => s.placeId));
    return { items: sources.map((s) => ({ id: s.id, name: s.name, columns: s.headers.length, mapped: s.mapping.filter((m) => m.field).length, updatedAt: s.updatedAt })) };
  });

  app.post('/hotline/import', {
    schema: { tags, summary: 'Import 12345 orders: an .xlsx (our template or the platform’s export, with an optional `mapping` and `source` form field before the file) or a JSON array, as a multipart file or a JSON body', querystring: ZImportQuery, consumes: ['multipart/form-data', 'application/json'] },
    // A JSON body has the file's limit: 5,000 orders take about 2 MB.
    bodyLimit: HOTLINE_LIMITS.maxBytes,
  }, async (req) => {
    const actor = requireActor(req);
    const scope = await hotlineImportScope(app.ctx, actor, req.query.placeId);
    const upload = await readUpload(req, app.ctx, scope);
    if (!upload.file) return importHotlineOrders(app.ctx, actor, scope, upload.rows);
    const { file, source } = upload;
    assertComplete(file.columns);
    const mapping = toMapping(file.columns);
    // A source's mapping is remembered once an import by it went through, unless it is the one already remembered.
    const unchanged = file.remembered?.name === source && JSON.stringify(file.remembered?.mapping) === JSON.stringify(mapping);
    const remember = source && !unchanged ? (trx: Trx) => rememberMapping(trx, actor, scope[0]!.placeId, source, file.headers, mapping) : undefined;
    return importHotlineOrders(app.ctx, actor, scope, file.rows, file.columnOf, remember);
  });

  app.get('/hotline/template.xlsx', { schema: { tags, summary: 'The empty import template' } }, async (req, reply) => {
    requireActor(req);
    return reply.type(XLSX_TYPE).header('content-disposition', ledgerFileName([HOTLINE_LEDGER.title.zh, hotlineMsg.template.zh], 'hotline-template'))
      .send(await ledgerTemplate(HOTLINE_LEDGER));
  });
};

const PREVIEW_ROWS = 5;
const maskValues = <K extends string>(values: Partial<Record<K, string>>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? maskPersonalText(v) : v])) as Partial<Record<K, string>>;
const ZImportQuery = z.object({ placeId: ZId.optional() });
/** The form fields sent before the file: the source's name (e.g. 市12345平台) and the mapping staff corrected. */
const ZImportForm = z.object({ source: ZString().trim().min(1).max(50).optional(), mapping: z.string().max(50_000).optional() });

/** JSON orders (a body or a .json file), or a sheet read by its mapping, with the source it came from. */
type Upload = { rows: { row: number; values: unknown }[]; file?: undefined } | { file: HotlineFile; source?: string; rows?: undefined };

/**
 * Rows from an uploaded .xlsx or .json file (read as it arrives, within the size and row limits), or from a JSON
 * array body; a row is the sheet's row number or the item's position.
 */
async function readUpload(req: FastifyRequest, ctx: AppContext, scope: { placeId: string }[]): Promise<Upload> {
  if (!req.isMultipart()) {
    if (Array.isArray(req.body)) return { rows: jsonRows(req.body) };
    throw noFile();
  }
  const part = await req.file({ limits: { fileSize: HOTLINE_LIMITS.maxBytes + 1 } });
  if (!part) throw noFile();
  const form = formFields(part.fields);
  const upload = await spoolUpload(part.file, HOTLINE_LIMITS.maxBytes);
  try {
    if (/\.json$/i.test(part.filename) || part.mimetype.includes('json') || upload.head.toString('utf8').trimStart().startsWith('[')) {
      return { rows: jsonRows(parseJson(await upload.text())) };
    }
    return { file: await readHotlineFile(ctx, scope, upload, form), source: form.source };
  } finally {
    await upload.remove();
  }
}

function formFields(fields: Record<string, unknown>): { source?: string; mapping?: THotlineMapping } {
  const value = (name: string) => {
    const f = fields[name] as { type?: string; value?: unknown } | undefined;
    return f?.type === 'field' && typeof f.value === 'string' ? f.value : undefined;
  };
  const form = ZImportForm.safeParse({ source: value('source'), mapping: value('mapping') });
  if (!form.success) throw new AppError(400, 'bad_mapping', hotlineMsg.badMapping, 'source');
  if (form.data.mapping === undefined) return { source: form.data.source };
  let json: unknown;
  try {
    json = JSON.parse(form.data.mapping);
  } catch {
    throw new AppError(400, 'bad_mapping', hotlineMsg.badMapping, 'mapping');
  }
  const mapping = ZHotlineMapping.safeParse(json);
  if (!mapping.success) throw new AppError(400, 'bad_mapping', hotlineMsg.badMapping, 'mapping');
  return { source: form.data.source, mapping: mapping.data };
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
