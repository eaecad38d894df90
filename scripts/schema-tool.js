'use strict';
// npm run migration:generate -- AddSomething   |   npm run schema:diff
// Builds, then runs the CLI's schema diff against DATABASE_URL's server, or,
// when DATABASE_URL is unset, against an embedded PostgreSQL of its own
// (data under DATA_DIR/schema-tool, stopped again afterwards).
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const boot = require('./lib/bootstrap');

const say = (msg) => process.stderr.write(`[schema] ${msg}\n`);

async function main() {
  boot.ensureInstalled({ log: say });
  if (boot.ensureNode24({ log: say })) return; // re-executed on Node 24
  boot.ensureBuilt({ log: say });
  const services = require('./lib/services');
  let pg;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.join(path.resolve(process.env.DATA_DIR || path.join(boot.ROOT, '.data')), 'schema-tool');
    pg = await services.startPostgres({ dataDir, log: say });
    databaseUrl = pg.url;
  }
  try {
    const cli = path.join(boot.ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
    const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    process.exitCode = result.status ?? 1;
  } finally {
    if (pg) await pg.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`[schema] ✖ ${error && error.code === 'ESETUP' ? error.message : (error && error.stack) || error}\n`);
  process.exit(1);
});
