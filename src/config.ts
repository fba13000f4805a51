import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Work-order photos: DATA_DIR/uploads unless UPLOAD_DIR says otherwise. */
  uploadDir: string;
  /** NODE_ENV=production: development conveniences (the SMS log adapter) are refused. */
  production: boolean;
  /** Residents' text messages (one-time codes, "your demand is resolved"): the adapter and Alibaba Cloud SMS's settings. */
  sms: {
    provider: string;
    aliyun: { accessKeyId: string; accessKeySecret: string; signName: string; oneTimeCodeTemplate: string; demandResolvedTemplate: string; endpoint: string };
  };
  databaseUrl: string | undefined;
  /**
   * PostgreSQL: the tables' owner, which migrates at start and grants the app role (DATABASE_URL, owning nothing) what it
   * may do; unset, DATABASE_URL does both (and, owning the tables, could disable the history tables' triggers).
   */
  migrationDatabaseUrl: string | undefined;
  redisUrl: string | undefined;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, as Fastify's trustProxy takes them);
   * empty: none, every client is known by its own connection's address.
   */
  trustProxy: string[];
  dataKey: string | undefined;
  districtCode: string;
  demoStreetCode: string;
  seedDemo: boolean;
  logLevel: string;
  /** The three rates' weights in the score, and what "basically satisfied" counts as. */
  rateWeights: { response: number; resolution: number; satisfaction: number; basicallySatisfied: number };
  /** Sessions live this long without activity. */
  sessionTtlMs: number;
  /** A demand's received time may lie at most this many days back (late 12345 imports and pushes, staff entering a call). */
  receivedMaxPastDays: number;
  /** How far from a point the nearest compound may lie for a lookup (and an Open311 pin) to name it (LOCATE_MAX_METRES). */
  locateMaxMetres: number;
  /** Where the public pages live as printed on QR codes (PUBLIC_BASE_URL, e.g. https://grid.example.cn); unset: the request's own host. */
  publicBaseUrl: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    production: env.NODE_ENV === 'production',
    sms: {
      provider: env.SMS_PROVIDER ?? 'log',
      aliyun: {
        accessKeyId: env.SMS_ALIYUN_ACCESS_KEY_ID ?? '', accessKeySecret: env.SMS_ALIYUN_ACCESS_KEY_SECRET ?? '', signName: env.SMS_ALIYUN_SIGN_NAME ?? '',
        oneTimeCodeTemplate: env.SMS_ALIYUN_CODE_TEMPLATE ?? '', demandResolvedTemplate: env.SMS_ALIYUN_RESOLVED_TEMPLATE ?? '',
        endpoint: env.SMS_ALIYUN_ENDPOINT || 'https://dysmsapi.aliyuncs.com/',
      },
    },
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    dataKey: env.ONEGRID_DATA_KEY || undefined,
    districtCode: env.ONEGRID_DISTRICT_CODE ?? '440607',
    demoStreetCode: env.ONEGRID_DEMO_STREET_CODE ?? '440607001',
    seedDemo: (env.ONEGRID_SEED_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    rateWeights: parseWeights(env.ONEGRID_RATE_WEIGHTS ?? '0.1,0.45,0.45,0.8'),
    sessionTtlMs: Number(env.ONEGRID_SESSION_HOURS ?? 12) * 3600_000,
    receivedMaxPastDays: wholeDays(env.ONEGRID_RECEIVED_MAX_PAST_DAYS ?? '30'),
    locateMaxMetres: metres(env.LOCATE_MAX_METRES ?? '300'),
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || undefined,
  };
}

function metres(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 10_000) throw new Error('LOCATE_MAX_METRES: a distance in metres (0 to 10000)');
  return n;
}

function wholeDays(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 3650) throw new Error('ONEGRID_RECEIVED_MAX_PAST_DAYS: a whole number of days (0 to 3650)');
  return n;
}

/** 'response,resolution,satisfaction,basically' e.g. '0.1,0.45,0.45,0.8' (Beijing's 接诉即办 weights). */
function parseWeights(text: string): Config['rateWeights'] {
  const [response, resolution, satisfaction, basicallySatisfied] = text.split(',').map(Number);
  const all = [response, resolution, satisfaction, basicallySatisfied];
  if (all.some((n) => n === undefined || !Number.isFinite(n) || n < 0 || n > 1)) throw new Error('ONEGRID_RATE_WEIGHTS: four numbers between 0 and 1');
  return { response: response!, resolution: resolution!, satisfaction: satisfaction!, basicallySatisfied: basicallySatisfied! };
}
