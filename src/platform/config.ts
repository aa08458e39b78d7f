// Reads the environment once, at boot, into a frozen Config. Nothing else reads process.env.
import { isIP } from 'node:net'
import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1')
  .optional()

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  MEDIA_DIR: z.string().optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('postgres://') || v.startsWith('postgresql://') || v.startsWith('sqlite:'), {
      message: 'must start with postgres://, postgresql:// or sqlite:',
    })
    .optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  PAGE_CACHE: bool,
  PAGE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(5000),
  SEED_DEMO: bool,
  KAKAO_JS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v)
      if (parsed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be false, the number of proxies in front (1 behind one nginx; true means 1), or their addresses/CIDR ranges separated by commas',
        })
        return z.NEVER
      }
      return parsed
    }),
  OPS_TOKEN: z.string().min(16).optional(),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  MIN_FREE_DISK_MB: z.coerce.number().min(0).max(1_000_000).default(64),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL', 'full', 'normal']).default('FULL'),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), { message: 'must start with redis:// or rediss://' })
    .optional(),
  DATABASE_READ_URL: z
    .string()
    .refine((v) => v.startsWith('postgres://') || v.startsWith('postgresql://'), {
      message: 'must start with postgres:// or postgresql:// (a read replica)',
    })
    .optional(),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  CDN_MAX_AGE: z.coerce.number().int().min(1).max(86_400).optional(),
  KAKAO_CLIENT_ID: z.string().optional(),
  KAKAO_CLIENT_SECRET: z.string().optional(),
  NAVER_CLIENT_ID: z.string().optional(),
  NAVER_CLIENT_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().optional(),
  DEMO_LOGIN: bool,
  GUEST_COMMENTS: bool,
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().max(200).optional(),
  COMMENT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  COMMENT_IP_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
})

export interface Config {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  /** The site's own origin, used in canonical URLs, feeds and sitemaps. */
  publicUrl: string
  dataDir: string
  /** Generated photo sizes; served publicly under /media/. */
  mediaDir: string
  database:
    | { kind: 'sqlite'; file: string; synchronous?: 'FULL' | 'NORMAL' }
    | { kind: 'postgres'; url: string; schema?: string; statementTimeoutMs?: number }
  sessionSecret: string
  pageCache: { enabled: boolean; maxEntries: number }
  /** Seed the demo outlet into an empty database at start. */
  seedDemo: boolean
  kakaoJsKey: string | null
  logLevel: string
  /**
   * Which proxies' X-Forwarded-For to believe: false (none), a hop count (1 = the nginx in
   * front), or the proxies' addresses. Never "every hop": a client can write that header.
   */
  trustProxy: TrustProxy
  /** Bearer token for /metrics and /readyz's reasons; without it they are closed in production. */
  opsToken: string | null
  /** Below this much free space on the data or media disk, /readyz says the node is full. */
  minFreeDiskBytes: number
  /** How long a Redis command may take before the caller gives up and degrades. */
  redisCommandTimeoutMs: number
  /** PostgreSQL statement and lock timeout; also bounds waiting for a pooled connection. */
  databaseStatementTimeoutMs: number
  /** Shared by several nodes: cache invalidation and rate-limit counters (sessions stay in the database). */
  redisUrl: string | null
  /** A PostgreSQL read replica for the reader pages' queries. */
  databaseReadUrl: string | null
  /** Worker processes `sinmun serve` starts (node:cluster); 1 runs in-process. */
  workers: number
  /** Seconds a CDN or nginx may keep an anonymous page (s-maxage); null sends no CDN headers. */
  cdnMaxAge: number | null
  /** Reader login providers; a provider whose credentials are missing is left out. */
  readerLogin: {
    kakao: { clientId: string; clientSecret: string | null } | null
    naver: { clientId: string; clientSecret: string } | null
    google: { clientId: string; clientSecret: string } | null
    oidc: { issuer: string; clientId: string; clientSecret: string | null; name: string } | null
    /** The embedded demo OpenID provider (데모 계정). */
    demo: boolean
  }
  /** Staff mail; without an SMTP server messages are printed on the console (development). */
  mail: { smtpUrl: string | null; from: string | null }
  comments: {
    /** 비회원 글쓰기: a name and a password instead of a login. */
    guests: boolean
    ratePerMinute: number
    ipRatePerMinute: number
  }
}

export class ConfigError extends Error {}

export type TrustProxy = false | number | string[]

/**
 * TRUST_PROXY as Fastify's trustProxy takes it, minus `true`: trusting every hop makes the
 * first X-Forwarded-For entry the client address, and a client writes that entry itself.
 * `true` is read as one hop, which is what it meant behind the shipped nginx config.
 */
function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const v = (value ?? '').trim()
  if (v === '' || v === 'false' || v === '0') return false
  if (v === 'true') return 1
  if (/^\d+$/.test(v)) return Number(v)
  const entries = v.split(',').map((a) => a.trim())
  const valid = entries.every((entry) => {
    const [address, bits, extra] = entry.split('/')
    const family = isIP(address ?? '')
    if (family === 0 || extra !== undefined) return false
    if (bits === undefined) return true
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
  })
  return valid ? entries : undefined
}

/** Validates the environment and lists every invalid key at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production (32+ characters)')
  }
  const url = e.DATABASE_URL
  const database: Config['database'] =
    url && !url.startsWith('sqlite:')
      ? { kind: 'postgres', url, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS }
      : {
          kind: 'sqlite',
          file: url ? url.slice('sqlite:'.length) : `${e.DATA_DIR}/sinmun.db`,
          synchronous: e.SQLITE_SYNCHRONOUS.toUpperCase() as 'FULL' | 'NORMAL',
        }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: e.DATA_DIR,
    mediaDir: e.MEDIA_DIR ?? `${e.DATA_DIR}/media`,
    database,
    // A development secret is fine: sessions then simply do not survive a change of machine.
    sessionSecret: e.SESSION_SECRET ?? 'sinmun-development-secret-not-for-production-use',
    pageCache: { enabled: e.PAGE_CACHE ?? true, maxEntries: e.PAGE_CACHE_MAX_ENTRIES },
    seedDemo: e.SEED_DEMO ?? !production,
    kakaoJsKey: e.KAKAO_JS_KEY ?? null,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    minFreeDiskBytes: Math.round(e.MIN_FREE_DISK_MB * 1024 * 1024),
    opsToken: e.OPS_TOKEN ?? null,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL ?? null,
    databaseReadUrl: e.DATABASE_READ_URL ?? null,
    workers: e.WORKERS,
    cdnMaxAge: e.CDN_MAX_AGE ?? null,
    readerLogin: {
      kakao: e.KAKAO_CLIENT_ID
        ? { clientId: e.KAKAO_CLIENT_ID, clientSecret: e.KAKAO_CLIENT_SECRET ?? null }
        : null,
      naver:
        e.NAVER_CLIENT_ID && e.NAVER_CLIENT_SECRET
          ? { clientId: e.NAVER_CLIENT_ID, clientSecret: e.NAVER_CLIENT_SECRET }
          : null,
      google:
        e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
          ? { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }
          : null,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID
          ? {
              issuer: e.OIDC_ISSUER,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET ?? null,
              name: e.OIDC_NAME ?? 'OpenID',
            }
          : null,
      demo: e.DEMO_LOGIN ?? !production,
    },
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM ?? null },
    comments: {
      guests: e.GUEST_COMMENTS ?? false,
      ratePerMinute: e.COMMENT_RATE_PER_MINUTE,
      ipRatePerMinute: e.COMMENT_IP_RATE_PER_MINUTE,
    },
  })
}
