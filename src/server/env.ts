// Environment, checked once at start-up.
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().optional(),
  /** PGlite data folder. */
  DATA_DIR: z.string().default('data/pglite'),
  /** Demo mode creates the demo county and its accounts on first run. Default: on for the embedded database. */
  DEMO: z.enum(['0', '1']).optional(),
  /** Size of the generated demo county (smaller for tests and quick tries). */
  DEMO_RETAILERS: z.coerce.number().int().min(50).max(20000).default(3000),
  DEMO_WEEKS: z.coerce.number().int().min(1).max(260).default(104),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Map tiles, e.g. https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8; empty = GeoJSON only. */
  TILE_URL: z.string().default(''),
  /** wgs84 | gcj02 | bd09: the datum of the configured tiles. */
  TILE_CRS: z.enum(['wgs84', 'gcj02', 'bd09']).default('gcj02'),
  LOG_LEVEL: z.string().default('info'),
  /** Run background jobs in this process (0 when `npm run worker` processes do it against the same server). */
  JOBS: z.enum(['0', '1']).default('1'),
  /** Jobs run at once by one runner. */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** On SIGTERM, running jobs get this long to finish before they are queued again. */
  JOB_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(20),
  /** A running job without a heartbeat for this long is taken to be cut off and queued again. */
  JOB_STALE_SECONDS: z.coerce.number().min(2).max(3600).default(60),
  /** Cookie Secure flag (set 1 behind HTTPS). */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof envSchema> & { demo: boolean };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = envSchema.parse(source);
  return { ...env, demo: env.DEMO ? env.DEMO === '1' : !env.DATABASE_URL };
}
