import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { refuseUnstorable } from '../../core/http.js';
import { authenticateApiKey, type ApiKeyRow } from '../api-keys/index.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, tooMany, type UploadedFile } from '../attachments/index.js';
import { badRequest, notFound311, Open311Error } from './respond.js';

/** A GeoReport call's parameters: the query string, then the body (form-encoded, multipart fields or JSON), which wins. */
export class Fields {
  constructor(
    private readonly values: Map<string, string[]>,
    /** Files sent as `media` in a multipart post (a photo of the problem); other files are read and dropped. */
    readonly media: UploadedFile[] = [],
  ) {}

  get(name: string): string | undefined {
    const v = this.values.get(name)?.find((x) => x.trim() !== '');
    return v?.trim();
  }

  all(name: string): string[] {
    return (this.values.get(name) ?? []).map((v) => v.trim()).filter(Boolean);
  }

  /** `attribute[code]=value` pairs. */
  attribute(code: string): string | undefined {
    return this.get(`attribute[${code}]`);
  }

  /** first_name and last_name as the person is called: 王芳 for a Chinese name, 'Jane Smith' otherwise; null for none. */
  personName(): string | null {
    const [first, last] = [this.get('first_name'), this.get('last_name')];
    const cjk = /^[\u3400-\u9fff·]+$/u;
    const name = first && last && cjk.test(first) && cjk.test(last) ? `${last}${first}` : [first, last].filter(Boolean).join(' ');
    return name.slice(0, 50) || null;
  }

  list(name: string): string[] | undefined {
    const v = this.get(name);
    return v ? [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))] : undefined;
  }
}

/** Form posts, as every GeoReport client sends them; parsed here only, for the Open311 routes. */
export function acceptFormPosts(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const out: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) (out[k] ??= []).push(v);
    done(null, out);
  });
}

export async function readFields(req: FastifyRequest): Promise<Fields> {
  const values = new Map<string, string[]>();
  const put = (k: string, v: unknown) => {
    const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
    if (list.length) values.set(k, list);
  };
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) put(k, v);
  const media: UploadedFile[] = [];
  if (req.isMultipart()) {
    const fields: Record<string, string[]> = {};
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS } })) {
        if (part.type === 'field') (fields[part.fieldname] ??= []).push(String(part.value));
        else {
          const data = await part.toBuffer();
          if (part.fieldname === 'media' && data.length) media.push({ filename: part.filename, declaredMime: part.mimetype, data });
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw badRequest(`media: at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
      if (code === 'FST_FILES_LIMIT') throw tooMany();
      throw error;
    }
    // The query and a form-encoded body were checked before the route; multipart fields are read only here.
    await refuseUnstorable(fields);
    for (const [k, v] of Object.entries(fields)) put(k, v);
  } else if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
    for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) put(k, v);
  }
  return new Fields(values, media);
}

/** jurisdiction_id is accepted everywhere; when given it must be the deployment's district code. */
export function checkJurisdiction(ctx: AppContext, f: Fields): void {
  const id = f.get('jurisdiction_id');
  if (id && id !== ctx.config.districtCode) throw notFound311(`jurisdiction_id ${id} not found; this endpoint serves ${ctx.config.districtCode}`);
}

export async function requireApiKey(ctx: AppContext, f: Fields): Promise<ApiKeyRow> {
  const given = f.get('api_key');
  // GeoReport v2: "403 - api_key was not provided or is invalid".
  if (!given) throw new Open311Error(403, 'api_key is required');
  const key = await authenticateApiKey(ctx.handle.db, given);
  if (!key) throw new Open311Error(403, 'Invalid or revoked api_key');
  return key;
}
