'use strict';
// (3) The reminder sweep: the real ReminderEngine (libs/notifications, compiled)
// with every rule the worker registers, over the 1,000,000 candidate rows.
// Timed three times: a backfill (yesterday's sweep over a notification table that
// holds only earlier years' reminders: everything in the window is owed at once),
// the first sweep of the next day (a day's worth of new reminders) and a steady
// run (what the worker does every minute: nothing new). The engine's own statements are
// captured and shown with EXPLAIN (ANALYZE, BUFFERS), in a rolled-back transaction.

const path = require('node:path');
const { Client } = require('pg');
const config = require('./config');

const dist = (...parts) => require(path.join(config.ROOT, 'dist', ...parts));

/** The reminder rules of every area the worker imports (each registers on load). */
function loadRules() {
  const fs = require('node:fs');
  const libs = path.join(config.ROOT, 'dist', 'libs');
  const loaded = [];
  for (const area of fs.readdirSync(libs)) {
    const dir = path.join(libs, area, 'src');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir)) {
      if (file.endsWith('.reminders.js')) {
        require(path.join(dir, file));
        loaded.push(`${area}/${file}`);
      }
    }
  }
  return loaded;
}

async function runSweep({ databaseUrl, pgPid, say }) {
  const { cpuSecondsOfTree } = require('./proc');
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const core = dist('libs', 'core', 'src', 'index.js');
  const notifications = dist('libs', 'notifications', 'src', 'index.js');
  const files = loadRules();
  const rules = notifications.computedReminderRules();
  // The app's defaults for the window (REMINDER_LOOKAHEAD_DAYS, REMINDER_GRACE_DAYS) unless set in the environment.
  const appConfig = core.parseConfig({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'silent', REMINDER_LOOKAHEAD_DAYS: process.env.REMINDER_LOOKAHEAD_DAYS, REMINDER_GRACE_DAYS: process.env.REMINDER_GRACE_DAYS });

  const captured = [];
  const timings = [];
  let capturing = false;
  const logger = {
    logQuery: (query, parameters) => capturing && captured.push({ query, parameters }),
    logQueryError: () => {},
    // With maxQueryExecutionTime set, TypeORM reports every statement's own duration here.
    logQuerySlow: (time, query, parameters) => capturing && timings.push({ ms: time, kind: parameters?.[2], statement: /\)\s*(INSERT|UPDATE)\b/.exec(query)?.[1] ?? (/WITH owed AS/.test(query) ? 'owe+cancel' : undefined) }),
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  const dataSource = await new DataSource({ ...core.dataSourceOptions(appConfig, 'bench-sweep'), logging: ['query'], logger, maxQueryExecutionTime: 0.0001 }).initialize();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Start from the generated state: only earlier years' reminders.
    await client.query(`DELETE FROM notification WHERE dedupe_key NOT LIKE 'bench-history:%'`);
    await client.query('VACUUM (ANALYZE) notification');
    const { rows: [candidates] } = await client.query(`SELECT value FROM bench.meta WHERE key = 'made'`);

    const engine = new notifications.ReminderEngine(dataSource, appConfig);
    const now = new Date();
    say(`sweep: ${rules.length} rules (${rules.map((r) => r.kind).join(', ')}) over ${candidates.value.candidates.total} candidate rows`);

    // Wall time, and PostgreSQL's CPU time (steadier on a busy machine; embedded server only).
    const timed = async (at) => {
      const cpu = pgPid ? cpuSecondsOfTree(pgPid) : 0;
      const started = process.hrtime.bigint();
      const outcomes = await engine.run(at, rules);
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, postgresCpuSeconds: pgPid ? cpuSecondsOfTree(pgPid) - cpu : null, outcomes };
    };
    const cpuText = (run) => (run.postgresCpuSeconds == null ? '' : ` (postgres CPU ${(run.postgresCpuSeconds * 1000).toFixed(0)} ms)`);
    // Backfill: yesterday's sweep over a table with no reminders owed yet (after a
    // deployment, say): everything in the window is owed at once.
    capturing = true;
    const first = await timed(new Date(now.getTime() - 86_400_000));
    capturing = false;
    const firstStatements = captured.splice(0);
    const firstTimings = timings.splice(0).filter((t) => t.statement);
    const failed = first.outcomes.filter((o) => o.error);
    if (failed.length) throw new Error(`reminder rules failed: ${failed.map((o) => `${o.kind}: ${o.error}`).join('; ')}`);
    say(`  backfill (yesterday, nothing owed yet) ${(first.seconds * 1000).toFixed(0)} ms${cpuText(first)}: owed ${first.outcomes.reduce((n, o) => n + o.owed, 0)} reminders`);

    // The first sweep of a new day: the window moved by a day, that day's reminders are owed.
    const daily = await timed(now);
    timings.splice(0);
    say(`  first sweep of the next day ${(daily.seconds * 1000).toFixed(0)} ms${cpuText(daily)}: owed ${daily.outcomes.reduce((n, o) => n + o.owed, 0)}, cancelled ${daily.outcomes.reduce((n, o) => n + o.cancelled, 0)}`);
    // Steady state: what the worker does every minute in between.
    capturing = true;
    const steady = await timed(now);
    capturing = false;
    const steadyTimings = timings.splice(0).filter((t) => t.statement);
    say(`  steady run ${(steady.seconds * 1000).toFixed(0)} ms${cpuText(steady)}: owed ${steady.outcomes.reduce((n, o) => n + o.owed, 0)}, cancelled ${steady.outcomes.reduce((n, o) => n + o.cancelled, 0)}`);

    // Per rule, the engine's statement(s) explained: the first run's against the
    // state before it (that kind's rows deleted again, rolled back), then the steady run's.
    const explain = async (statements, phase) => {
      const out = [];
      for (const statement of statements.filter((s) => /WITH owed AS/.test(s.query))) {
        const kind = statement.parameters[2];
        await client.query('BEGIN');
        let plan;
        try {
          if (phase === 'first') await client.query(`DELETE FROM notification WHERE kind = $1 AND dedupe_key NOT LIKE 'bench-history:%'`, [kind]);
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${statement.query}`, statement.parameters);
          plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        } finally {
          await client.query('ROLLBACK');
        }
        const ms = Number((/Execution Time: ([\d.]+) ms/.exec(plan) || [])[1]);
        out.push({ phase, kind, statement: /\)\s*(INSERT|UPDATE)\b/.exec(statement.query)?.[1] ?? 'owe+cancel', executionMs: ms, plan });
      }
      return out;
    };
    const perRule = [...(await explain(firstStatements, 'first')), ...(await explain(captured, 'steady'))];
    const { rows: [counts] } = await client.query(`SELECT count(*) FILTER (WHERE status = 'owed')::int AS owed, count(*)::int AS total FROM notification`);
    return {
      rules: rules.map((r) => r.kind),
      ruleFiles: files,
      candidates: candidates.value.candidates,
      firstRun: { seconds: first.seconds, postgresCpuSeconds: first.postgresCpuSeconds, owed: first.outcomes.reduce((n, o) => n + o.owed, 0), outcomes: first.outcomes, statements: firstTimings },
      dailyRun: { seconds: daily.seconds, postgresCpuSeconds: daily.postgresCpuSeconds, owed: daily.outcomes.reduce((n, o) => n + o.owed, 0), cancelled: daily.outcomes.reduce((n, o) => n + o.cancelled, 0) },
      steadyRun: { seconds: steady.seconds, postgresCpuSeconds: steady.postgresCpuSeconds, owed: steady.outcomes.reduce((n, o) => n + o.owed, 0), cancelled: steady.outcomes.reduce((n, o) => n + o.cancelled, 0), statements: steadyTimings },
      notificationRows: counts,
      explain: perRule,
    };
  } finally {
    await client.end();
    await dataSource.destroy();
  }
}

module.exports = { runSweep };
