'use strict';
// (4) Report compilation (libs/reports, compiled): the status-report snapshot of
// the current period for the 100-group commission, and for every commission one
// after the other (as one worker would). It is the reports area's own compiler
// (`compileSnapshot` with its default sections, what `ReportsService.compilePreview`
// runs): every section's SQL, the RAG roll-up and the diff; not the INSERT of the
// snapshot or the mail to commissioners.

const fs = require('node:fs');
const path = require('node:path');
const config = require('./config');

const dist = (...parts) => require(path.join(config.ROOT, 'dist', ...parts));

async function runReports({ databaseUrl, logins, say }) {
  // The source decides (a stale dist/ may still hold a build of another branch).
  if (!fs.existsSync(path.join(config.ROOT, 'libs', 'reports', 'src', 'index.ts'))) {
    say('reports: skipped (libs/reports has not landed yet)');
    return { skipped: 'libs/reports has not landed yet' };
  }
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const core = dist('libs', 'core', 'src', 'index.js');
  const reports = dist('libs', 'reports', 'src', 'index.js');
  const appConfig = core.parseConfig({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '2', LOG_LEVEL: 'silent' });
  const dataSource = await new DataSource({ ...core.dataSourceOptions(appConfig, 'bench-reports'), logging: false }).initialize();
  try {
    const rows = await dataSource.query(
      `SELECT c.id, c.report_cadence, (now() AT TIME ZONE c.time_zone)::date::text AS today,
              (SELECT count(*)::int FROM working_group g WHERE g.commission_id = c.id) AS groups
         FROM commission c WHERE c.id = ANY($1::uuid[])`,
      [logins.commissions.map((c) => c.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const compile = async (commission) => {
      const row = byId.get(commission.id);
      const cadence = ['monthly', 'quarterly', 'half_yearly', 'yearly'].includes(row.report_cadence) ? row.report_cadence : 'quarterly';
      const period = reports.periodContaining(cadence, row.today);
      const started = process.hrtime.bigint();
      const { snapshot } = await reports.compileSnapshot(dataSource.manager, { commissionId: commission.id, period, asOf: row.today, kind: 'on_demand' });
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes: JSON.stringify(snapshot).length, groups: row.groups };
    };
    const big = logins.commissions[0];
    await compile(big); // warm the caches once, as a running worker's would be
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await compile(big));
    const one = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    say(`reports: one commission (${one.groups} groups) ${(one.seconds * 1000).toFixed(0)} ms (best of 3; snapshot ${Math.round(one.bytes / 1024)} KB)`);
    const started = process.hrtime.bigint();
    let slowest = 0;
    for (const commission of logins.commissions) slowest = Math.max(slowest, (await compile(commission)).seconds);
    const all = { count: logins.commissions.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, slowestSeconds: slowest };
    say(`reports: all ${all.count} one after the other ${all.seconds.toFixed(1)} s (slowest ${(slowest * 1000).toFixed(0)} ms)`);
    return { one: { ...one, runs: runs.map((r) => r.seconds) }, all };
  } finally {
    await dataSource.destroy();
  }
}

module.exports = { runReports };
