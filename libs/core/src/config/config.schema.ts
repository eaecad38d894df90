import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/**
 * Every environment variable Samverkan reads, with its default and what it is for.
 * The API, the worker, the CLI and the tests all validate through this one schema.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode; production turns off introspection and field suggestions and requires JWT_SECRET.'),
  PORT: port.default(3000).describe('HTTP port of the API.'),
  CORS_ORIGINS: z
    .string()
    .regex(/^(https?:\/\/[^\s,]+)(,https?:\/\/[^\s,]+)*$/, 'must be a comma-separated list of http(s) origins')
    .optional()
    .describe('Origins of browser apps allowed to call the API (comma-separated). Unset: no cross-origin access.'),
  PUBLIC_URL: z.string().url().optional().describe('Address users reach the API at, used in mail links. Defaults to http://localhost:PORT.'),
  DATA_DIR: z.string().min(1).default('.data').describe('Folder for local data: embedded Postgres, mail files, uploaded documents.'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres:postgres@localhost:54329/samverkan').describe('PostgreSQL connection string.'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('Maximum connections in the pool per process.'),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000).describe('How long a request waits for a database connection (from the pool or a new one) before it fails.'),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000).describe('A statement running longer than this is stopped by PostgreSQL rather than holding a connection.'),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://localhost:6379').describe('Redis connection string for BullMQ.'),
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_:-]+$/).default('samverkan').describe('Key prefix for BullMQ queues, so several installations can share one Redis.'),
  SMTP_URL: url(['smtp:', 'smtps:']).optional().describe('SMTP server for outgoing mail. Unset: mail is written as .eml files under DATA_DIR/mail.'),
  MAIL_FROM: z.string().min(3).default('Samverkan <noreply@samverkan.local>').describe('From address of outgoing mail.'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional().describe('Secret that signs access tokens. Required in production; development uses a fixed local secret.'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900).describe('Lifetime of an access token.'),
  MAIL_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14).describe('How long a signed action link in a mail (RSVP, review answer, nomination, minutes approval) stays valid.'),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30).describe('Lifetime of a refresh token (a session).'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5).describe('Failed logins per account within LOGIN_WINDOW_MINUTES before login is refused.'),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20).describe('Failed logins per client address within LOGIN_WINDOW_MINUTES before login is refused.'),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15).describe('Window for counting failed logins.'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(12).describe('Deepest selection allowed in one GraphQL operation.'),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(30).describe('Most aliases allowed in one operation.'),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20000).describe('Highest computed cost of one operation.'),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(3000).describe('Most tokens allowed in one operation document.'),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(50).describe('Most directives allowed in one operation.'),
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit').describe('What executes GraphQL queries: jit compiles each query once (graphql-jit, cached) and runs mutations on graphql-js; graphql-js runs everything as graphql-js does (bench/README.md, a compiled executor).'),
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('1mb').describe('Largest JSON request body.'),
  REGISTRATIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(20).describe('Anonymous registrations for open events one client address may make within 10 minutes.'),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional().describe('Bearer token the Prometheus scraper sends to /metrics. Unset: /metrics is open in development and absent in production.'),
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1).max(2_147_483_648).default(50 * 1024 * 1024).describe('Largest document version that may be uploaded, in bytes (50 MB by default).'),
  EXPOSE_STATEMENT_COUNT: bool.default(false).describe('Report the number of SQL statements per GraphQL request in the response extensions (tests and benchmarks).'),
  DEFAULT_LOCALE: z.enum(['sv', 'da', 'en']).default('sv').describe('Language of answers and pages when the request\'s Accept-Language names none of sv, da, en (or only `*`) and no signed-in person\'s own language decides.'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto').describe('How logs are written: json (one JSON object a line, for collectors), pretty (one readable, coloured line per request and message), or auto: pretty on a terminal unless NODE_ENV=production, JSON when piped, redirected or in production.'),
  SAMVERKAN_LOG_TERMINAL: bool.default(false).describe('Set by `npm start` when its own output is a terminal: its children write through a pipe to it, so LOG_FORMAT=auto picks pretty for them.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level of the JSON logs.'),
  MAIL_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5).describe('SMTP connections each worker keeps open (nodemailer pool).'),
  MAIL_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(50).describe('Mails one worker has in flight (claimed, waiting for one of the MAIL_POOL_SIZE connections, or being sent); their claims and mark-sent writes go to PostgreSQL together.'),
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(200).default(25).describe('Outbox rows one mail.send job carries (at most half of MAIL_SEND_CONCURRENCY): a job per batch instead of per mail, each row still claimed, sent and marked on its own (bench/README.md, mail).'),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12).describe('Attempts at a mail after temporary SMTP failures before it is marked failed.'),
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30).describe('Wait before the first retry of a temporarily failed mail; doubles with each attempt.'),
  MAIL_RETRY_MAX_SECONDS: z.coerce.number().min(1).max(86400).default(3600).describe('Longest wait between two attempts at a mail.'),
  MAIL_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(120).describe('How long a worker may hold a mail it is sending; after that (a killed worker) another worker may send it.'),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(60).describe('How often the worker recomputes owed reminders and re-queues unsent mail.'),
  REMINDER_LOOKAHEAD_DAYS: z.coerce.number().int().min(1).max(400).default(7).describe('How far ahead the sweep writes owed reminders as rows. A row need only exist by its due moment; every sweep recomputes the whole window, so a longer one costs every minute (bench/README.md, sweep).'),
  REMINDER_GRACE_DAYS: z.coerce.number().int().min(8).max(60).default(8).describe('How long a reminder that fell due stays owed (a weekly digest must still find it).'),
  SEAT_VACANCY_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(14).describe('Days a seat may stay vacant before the weekly "vacant seat" reminder starts, when no nomination request covers it (with one, reminders start after its deadline). Gives a new allocation its nomination round first.'),
  INBOUND_MAIL: z.enum(['off', 'smtp', 'imap']).default('off').describe('How Samverkan receives mail (calendar replies, bounces, auto-replies): off; smtp, an SMTP endpoint of its own in the worker (INBOUND_SMTP_PORT); imap, a poller of a hosted mailbox (IMAP_URL). docs/inbound-mail.md.'),
  INBOUND_DOMAIN: z
    .string()
    .regex(/^(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'must be a lower-case domain name such as reply.example.org')
    .optional()
    .describe('The domain whose mail reaches Samverkan (its MX, or the domain of the hosted mailbox): invitations name rsvp+<token>@ it and mail is sent with bounce+<id>@ it as envelope sender. Required unless INBOUND_MAIL=off.'),
  INBOUND_SMTP_HOST: z.string().min(1).default('0.0.0.0').describe('Address the inbound SMTP endpoint listens on (INBOUND_MAIL=smtp).'),
  INBOUND_SMTP_PORT: port.default(2525).describe('Port of the inbound SMTP endpoint (INBOUND_MAIL=smtp); 25 when it is the MX itself, or forward to it. 0 picks a free port (tests).'),
  IMAP_URL: url(['imap:', 'imaps:']).optional().describe('The hosted mailbox to poll when INBOUND_MAIL=imap, e.g. imaps://user:password@imap.example.org/INBOX (the path is the folder, INBOX by default).'),
  IMAP_POLL_SECONDS: z.coerce.number().min(1).max(3600).default(60).describe('How often the IMAP poller looks for new mail.'),
  INBOUND_RAW_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30).describe('Days the raw source of an inbound mail is kept (for checking what was received); what was read from it stays.'),
  INBOUND_MAX_BYTES: z.coerce.number().int().min(10_000).max(100 * 1024 * 1024).default(5 * 1024 * 1024).describe('Largest inbound mail accepted, in bytes; a larger one is refused during the SMTP transaction (552) or skipped by the poller.'),
  INBOUND_RATE_PER_SENDER_PER_HOUR: z.coerce.number().int().min(1).default(60).describe('Inbound mails one envelope sender may deliver within an hour; more are refused with a temporary error (451).'),
  INBOUND_HARD_BOUNCES_TO_FLAG: z.coerce.number().int().min(1).max(100).default(2).describe('Hard bounces (from different mails) after which an address is flagged for the secretariat (mailAddressFlags).'),
  INBOUND_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(120).describe('How long a worker may hold an inbound mail it is processing; after that (a killed worker) another worker processes it.'),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8).describe('Local hour (in each person\'s time zone) at which daily and weekly digests go out.'),
});

export type AppConfig = z.infer<typeof configSchema>;

/** Validates raw environment values; throws one line per bad variable, naming it. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = configSchema.safeParse(known);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'config');
      const described = configSchema.shape[name as keyof typeof configSchema.shape]?.description;
      return `Invalid configuration: ${name}=${JSON.stringify(env[name] ?? '')} ${issue.message}.${described ? ` (${name}: ${described})` : ''}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const config = result.data;
  if (config.INBOUND_MAIL !== 'off' && !config.INBOUND_DOMAIN) {
    throw new ConfigError(`Invalid configuration: INBOUND_DOMAIN is required when INBOUND_MAIL=${config.INBOUND_MAIL} (the domain whose mail reaches Samverkan, e.g. reply.example.org).`);
  }
  if (config.INBOUND_MAIL === 'imap' && !config.IMAP_URL) {
    throw new ConfigError('Invalid configuration: IMAP_URL is required when INBOUND_MAIL=imap (e.g. imaps://user:password@imap.example.org/INBOX).');
  }
  if (config.NODE_ENV === 'production' && config.JWT_SECRET?.startsWith('CHANGE-ME')) {
    throw new ConfigError('Invalid configuration: JWT_SECRET still holds the placeholder from the compose file; set it to a random secret of at least 32 characters.');
  }
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production (at least 32 characters).');
  }
  return config;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
