// Environment, checked once at start-up.
import { z } from 'zod';
import { checkNoticeEnv, noticeEnvSchema } from '../jobs/notices/notice-config.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().optional(),
  /** PGlite data folder. */
  DATA_DIR: z.string().default('data/pglite'),
  /** 1: the embedded database runs in its own thread, so a long statement does not stall other requests (decision 0811). */
  PGLITE_THREAD: z.enum(['0', '1']).default('1'),
  /** Demo mode creates the demo county and its accounts on first run. Default: on for the embedded database. */
  DEMO: z.enum(['0', '1']).optional(),
  /** Size of the generated demo county (smaller for tests and quick tries). */
  DEMO_RETAILERS: z.coerce.number().int().min(50).max(20000).default(3000),
  DEMO_WEEKS: z.coerce.number().int().min(1).max(260).default(104),
  /** Hours a login lasts: from a quarter of an hour to 30 days. */
  SESSION_TTL_HOURS: z.coerce.number().min(0.25).max(720).default(12),
  CORRECTION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** Map tiles, e.g. https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8; empty = GeoJSON only. */
  TILE_URL: z.string().default(''),
  /** wgs84 | gcj02 | bd09: the datum of the configured tiles. */
  TILE_CRS: z.enum(['wgs84', 'gcj02', 'bd09']).default('gcj02'),
  LOG_LEVEL: z.string().default('info'),
  /** Run background jobs in this process (0 when `npm run worker` processes do it against the same server). */
  JOBS: z.enum(['0', '1']).default('1'),
  /** Jobs run at once by one runner. */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** Jobs of one county running at once (decision 1914); default: as many as JOB_CONCURRENCY. */
  JOBS_PER_ORG: z.coerce.number().int().min(1).max(32).optional(),
  /** county (default): the demo county under its city and province; province: 100 counties (PostgreSQL server only). */
  DEMO_SCALE: z.enum(['county', 'province']).default('county'),
  /** On SIGTERM, running jobs get this long to finish before they are queued again. */
  JOB_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(20),
  /** A running job without a heartbeat for this long is taken to be cut off and queued again. */
  JOB_STALE_SECONDS: z.coerce.number().min(2).max(3600).default(60),
  /**
   * Cookie Secure flag and HSTS: `auto` sets them on requests that arrived over
   * HTTPS (directly, or through a TRUST_PROXY proxy's X-Forwarded-Proto); 1 always; 0 never.
   */
  COOKIE_SECURE: z.enum(['0', '1', 'auto']).default('auto'),
  /**
   * Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed, comma-separated
   * addresses or CIDRs (or `loopback`); empty = none, the audited IP is the socket's.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every((x) => x !== 'true' && x !== '*'), 'TRUST_PROXY lists proxies; it cannot trust everyone'),
  /** Extra origins allowed to send state-changing requests (comma-separated, e.g. https://zhiyin.example.cn) when a proxy rewrites Host. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every((x) => URL.canParse(x)), 'ALLOWED_ORIGINS must be URLs'),
  /** `public` or `login`: who may read /docs. Default: public in demo mode, behind the login otherwise. */
  API_DOCS: z.enum(['public', 'login']).optional(),
  /** Failed logins before one username is refused for the window. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed logins before one client address is refused for the window. */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100000).default(30),
  /** Minutes over which failed logins are counted. */
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
})
  // Notices (issue 16): gateways, rate, batches, quiet hours, cost (decision 1137).
  .extend(noticeEnvSchema.shape)
  .superRefine(checkNoticeEnv);

export type Env = z.infer<typeof envSchema> & { demo: boolean };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = envSchema.parse(source);
  return { ...env, demo: env.DEMO ? env.DEMO === '1' : !env.DATABASE_URL };
}
