import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataKey: string | undefined;
  districtCode: string;
  demoStreetCode: string;
  seedDemo: boolean;
  logLevel: string;
  /** Sessions live this long without activity. */
  sessionTtlMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    dataKey: env.ONEGRID_DATA_KEY || undefined,
    districtCode: env.ONEGRID_DISTRICT_CODE ?? '440607',
    demoStreetCode: env.ONEGRID_DEMO_STREET_CODE ?? '440607001',
    seedDemo: (env.ONEGRID_SEED_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlMs: Number(env.ONEGRID_SESSION_HOURS ?? 12) * 3600_000,
  };
}
