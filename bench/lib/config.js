'use strict';
// What the benchmark generates and how long it measures. Everything scales
// with BENCH_SCALE (1 = the national data set of issue 9; CI uses 0.01).

const path = require('node:path');

const BENCH_DIR = path.resolve(__dirname, '..');
const ROOT = path.resolve(BENCH_DIR, '..');

function number(name, fallback, { min = -Infinity, max = Infinity } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw Object.assign(new Error(`${name}=${JSON.stringify(raw)} must be a number between ${min} and ${max}`), { code: 'ESETUP' });
  }
  return value;
}

const scale = number('BENCH_SCALE', 1, { min: 0.001, max: 10 });
const seed = Math.trunc(number('BENCH_SEED', 42, { min: 1, max: 1e9 }));
const at = (n, min = 1) => Math.max(min, Math.round(n * scale));

/** The national data set (issue 9) times BENCH_SCALE. */
const counts = {
  organisations: at(1500, 60),
  people: at(20000, 100),
  commissions: at(200, 2),
  groups: at(2000, 4),
  // Eight allocations per group with 1, 2, 3, 4, 1, 2, 3, 4 seats: 20 seats per group.
  allocationsPerGroup: 8,
  seats: at(2000, 4) * 20,
  deliverables: at(50000, 10),
  meetings: at(30000, 10),
  candidates: at(1000000, 1000),
  notificationHistory: at(200000, 100),
  // Rounds of nomination requests per allocation (most answered long ago).
  nominationRounds: 10,
};
// The largest commission has 100 groups (fewer when the whole data set is smaller),
// the second exactly one: statements per request must be the same for both.
counts.bigCommissionGroups = Math.min(100, counts.groups - (counts.commissions - 1));

// People who sit in a seat, with a login each: My page's readers (not in `counts`, so a data
// set made before them still serves the other parts; the My page part asks for bench:data again).
const memberLogins = at(300, 20);

const durationSeconds = number('BENCH_DURATION', scale >= 0.5 ? 15 : 3, { min: 1, max: 600 });
const warmupSeconds = number('BENCH_WARMUP', scale >= 0.5 ? 3 : 1, { min: 0, max: 120 });

module.exports = {
  ROOT,
  BENCH_DIR,
  scale,
  seed,
  counts,
  memberLogins,
  /** Where `bench:data` keeps its own embedded PostgreSQL (unless BENCH_ADMIN_URL names a server). */
  dataDir: path.resolve(process.env.BENCH_DATA_DIR || path.join(ROOT, '.data', 'bench')),
  pgPort: Math.trunc(number('BENCH_PG_PORT', 54355, { min: 1, max: 65535 })),
  database: process.env.BENCH_DATABASE || 'samverkan_bench',
  connections: Math.trunc(number('BENCH_CONNECTIONS', 10, { min: 1, max: 500 })),
  durationSeconds,
  warmupSeconds,
  mails: Math.trunc(number('BENCH_MAILS', scale >= 0.5 ? 3000 : 200, { min: 10, max: 1e6 })),
  /** The JWT secret the API runs with in the benchmark (the bench signs its tokens with it). */
  jwtSecret: 'samverkan-bench-secret-0123456789abcdef',
  goals: {
    throughputVsPostgraphile: 1.0,
    p50VsFloor: 1.5,
    sweepSeconds: 1,
    reportSeconds: 1,
    allReportsSeconds: 60,
    mailVsBare: 0.8,
    apiRssMb: 250,
    /** The web app's first load (My page), gzipped JS + CSS, issue 17. */
    webFirstLoadKb: 150,
    /** My page's data in one GraphQL request (issue 17). */
    myPageRequests: 1,
    /** The web pages (issue 20 item 4, the dashboard's goals: p50 ≤ p50VsFloor × the floor's, and at most this many statements per request, flat). */
    pageStatements: 4,
  },
};
