import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Work-order photos: DATA_DIR/uploads unless UPLOAD_DIR says otherwise. */
  uploadDir: string;
  /** The SMS adapter for residents' sign-in codes; only 'log' so far. */
  smsProvider: string;
  databaseUrl: string | undefined;
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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    smsProvider: env.SMS_PROVIDER ?? 'log',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    dataKey: env.ONEGRID_DATA_KEY || undefined,
    districtCode: env.ONEGRID_DISTRICT_CODE ?? '440607',
    demoStreetCode: env.ONEGRID_DEMO_STREET_CODE ?? '440607001',
    seedDemo: (env.ONEGRID_SEED_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    rateWeights: parseWeights(env.ONEGRID_RATE_WEIGHTS ?? '0.1,0.45,0.45,0.8'),
    sessionTtlMs: Number(env.ONEGRID_SESSION_HOURS ?? 12) * 3600_000,
  };
}

/** 'response,resolution,satisfaction,basically' e.g. '0.1,0.45,0.45,0.8' (Beijing's 接诉即办 weights). */
function parseWeights(text: string): Config['rateWeights'] {
  const [response, resolution, satisfaction, basicallySatisfied] = text.split(',').map(Number);
  const all = [response, resolution, satisfaction, basicallySatisfied];
  if (all.some((n) => n === undefined || !Number.isFinite(n) || n < 0 || n > 1)) throw new Error('ONEGRID_RATE_WEIGHTS: four numbers between 0 and 1');
  return { response: response!, resolution: resolution!, satisfaction: satisfaction!, basicallySatisfied: basicallySatisfied! };
}
