'use strict';
// npm run bench — everything in one run on the data set of `npm run bench:data`:
// (1) the commission dashboard under load through our API, the SQL floor and
// PostGraphile v5, (2) statements per request, (3) the reminder sweep with its
// plan, (4) report compilation, (5) mail through the outbox vs a bare nodemailer
// loop, (6) the API's peak RSS, (7) My page and the commission overview beside
// their SQL floors, with the page budgets. Prints a table with the goals and writes
// bench/results/latest.json.
//
//   --only dashboard,mypage,overview,sweep,mail,reports,web   run some parts
//   --out <file>                          write the results elsewhere
//   BENCH_PROFILE=1                       CPU profile of our API under load (bench/results/profiles)

const bootstrap = require('../scripts/lib/bootstrap');

// As npm start and npm test do: install what is missing, then move onto Node 24.
try {
  bootstrap.ensureInstalled({ log: (l) => process.stderr.write(`[bench] ${l}\n`) });
} catch (error) {
  process.stderr.write(`[bench] ✖ ${error.message}\n`);
  process.exit(1);
}
if (!bootstrap.ensureNode24({ log: (l) => process.stderr.write(`[bench] ${l}\n`) })) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`[bench] ✖ ${error && error.code === 'ESETUP' ? error.message : (error && error.stack) || error}\n`);
      process.exit(1);
    },
  );
}

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const { Client } = require('pg');
  const config = require('./lib/config');
  const infra = require('./lib/infra');
  const { benchLogins } = require('./lib/tokens');
  const { report, verdicts } = require('./lib/report-table');
  const say = infra.say;
  const only = new Set((option('only') || 'dashboard,mypage,overview,sweep,reports,mail,web').split(','));
  const out = path.resolve(option('out') || path.join(config.BENCH_DIR, 'results', 'latest.json'));
  const profile = process.env.BENCH_PROFILE === '1';

  infra.ensureBuilt();
  if (only.has('dashboard')) infra.ensureBenchDependencies();
  const pg = await infra.startPostgres();
  let redis;
  try {
    const databaseUrl = pg.url(config.database);
    const client = new Client({ connectionString: databaseUrl });
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      throw new infra.SetupError(`no benchmark database (${error.message}): run npm run bench:data first (with the same BENCH_SCALE)`);
    }
    let meta;
    try {
      meta = Object.fromEntries((await client.query('SELECT key, value FROM bench.meta')).rows.map((r) => [r.key, r.value]));
    } catch {
      meta = {};
    }
    if (!meta.complete) throw new infra.SetupError('the benchmark database is incomplete: run npm run bench:data');
    if (Object.keys(config.counts).some((k) => meta.counts[k] !== config.counts[k]) || meta.seed !== config.seed) {
      throw new infra.SetupError(`the benchmark database was made for another BENCH_SCALE/BENCH_SEED (${meta.counts.commissions} commissions, seed ${meta.seed}): run npm run bench:data with the same settings`);
    }
    const age = (Date.now() - new Date(meta.anchor).getTime()) / 86_400_000;
    if (age > 7) say(`warning: the data set was generated ${Math.floor(age)} days ago; dates drift from "today" (run npm run bench:data again)`);
    await client.end();
    // A data set made before a newer migration gets it (indexes, triggers), so what is measured is today's schema.
    await infra.migrate(databaseUrl);
    const reader = new Client({ connectionString: databaseUrl });
    await reader.connect();
    const logins = await benchLogins(reader, config.jwtSecret);
    const { rows: [{ server_version: version }] } = await reader.query('SHOW server_version');
    await reader.end();

    redis = await infra.startRedis();
    const results = {
      when: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version, postgres: version, loadAverageAtStart: os.loadavg()[0] },
      scale: config.scale,
      seed: config.seed,
      data: meta.made,
      goals: config.goals,
    };
    const resultsDir = path.dirname(out);
    if (only.has('dashboard')) {
      const { runDashboard } = require('./lib/phase-dashboard');
      results.dashboard = await runDashboard({ databaseUrl, redisUrl: redis.url, logins, resultsDir, profile, pgPid: pg.pid, say });
    }
    const pages = ['mypage', 'overview'].filter((name) => only.has(name));
    if (pages.length > 0) {
      const { runPages } = require('./lib/phase-pages');
      Object.assign(results, await runPages({ databaseUrl, redisUrl: redis.url, logins, pgPid: pg.pid, names: pages, say }));
    }
    if (only.has('sweep')) {
      const { runSweep } = require('./lib/phase-sweep');
      results.sweep = await runSweep({ databaseUrl, pgPid: pg.pid, say });
    }
    if (only.has('reports')) {
      const { runReports } = require('./lib/phase-reports');
      results.reports = await runReports({ databaseUrl, redisUrl: redis.url, logins, say });
    }
    if (only.has('web')) {
      const { runWeb } = require('./lib/phase-web');
      results.web = runWeb({ root: path.resolve(__dirname, '..'), say });
    }
    if (only.has('mail')) {
      const { runMail } = require('./lib/phase-mail');
      results.mail = await runMail({ pg, redisUrl: redis.url, redisPid: redis.pid, resultsDir, profile, say });
    }
    results.machine.loadAverageAtEnd = os.loadavg()[0];
    results.verdicts = verdicts(results);
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\n${report(results)}\n`);
    if (results.sweep) {
      process.stdout.write('\nReminder sweep: the engine\'s statements with EXPLAIN (ANALYZE, BUFFERS)\n');
      for (const e of results.sweep.explain) process.stdout.write(`\n-- ${e.phase} run: ${e.kind} (${e.statement}, ${e.executionMs} ms under EXPLAIN ANALYZE)\n${e.plan}\n`);
    }
    process.stdout.write(`\nResults: ${path.relative(process.cwd(), out)}\n`);
    // Wrong answers or unequal statement counts fail the run; a missed speed goal does not.
    return results.verdicts.some((v) => v.kind === 'check' && !v.pass) ? 1 : 0;
  } finally {
    if (redis) await redis.stop();
    await pg.stop();
  }
}
