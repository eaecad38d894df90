'use strict';
// npm run bench:data — builds the national data set (issue 9) into its own
// database: the real migrations, then set-based SQL (bench/lib/generate.js).
// BENCH_SCALE scales everything (CI: 0.01); BENCH_SEED picks another data set.

const bootstrap = require('../scripts/lib/bootstrap');

// As npm start and npm test do: install what is missing, then move onto Node 24.
try {
  bootstrap.ensureInstalled({ log: (l) => process.stderr.write(`[bench] ${l}\n`) });
} catch (error) {
  process.stderr.write(`[bench] ✖ ${error.message}\n`);
  process.exit(1);
}
if (!bootstrap.ensureNode24({ log: (l) => process.stderr.write(`[bench] ${l}\n`) })) {
  main().catch((error) => {
    process.stderr.write(`[bench] ✖ ${error && error.code === 'ESETUP' ? error.message : (error && error.stack) || error}\n`);
    process.exit(1);
  });
}

async function main() {
  const { Client } = require('pg');
  const config = require('./lib/config');
  const infra = require('./lib/infra');
  const { generate } = require('./lib/generate');
  const say = infra.say;

  infra.ensureBuilt();
  const started = Date.now();
  const pg = await infra.startPostgres({ loading: true });
  try {
    const admin = new Client({ connectionString: pg.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${config.database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${config.database}"`);
    await admin.end();
    const url = pg.url(config.database);

    say(`migrating ${config.database}`);
    await infra.migrate(url);

    say(`generating scale ${config.scale} (seed ${config.seed}): ${config.counts.commissions} commissions, ${config.counts.groups} groups, ` +
      `${config.counts.seats} seats, ${config.counts.people} people, ${config.counts.candidates} reminder candidates`);
    const client = new Client({ connectionString: url });
    await client.connect();
    let made;
    try {
      await client.query('BEGIN');
      made = await generate(client, { log: (line) => say(`  ${line}`) });
      await client.query('COMMIT');
      const t = Date.now();
      await client.query('VACUUM (ANALYZE)');
      say(`  vacuum and analyze (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      await client.query(`INSERT INTO bench.meta VALUES ('complete', to_jsonb(now()))`);
    } finally {
      await client.end();
    }
    const { candidates, ...tables } = made;
    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${Object.entries(tables).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    say(`reminder candidates: ${Object.entries(candidates).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    await pg.stop();
  }
}
