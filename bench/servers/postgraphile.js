'use strict';
// PostGraphile v5 (bench/package.json) over the same database: the amber
// preset, the public schema, served by grafserv on node:http. No auth.
// Env: DATABASE_URL, PORT, POOL_SIZE.

const http = require('node:http');
const { Pool } = require('pg');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE || 10) });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: process.env.EXPORT_SCHEMA || undefined },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await pgl.getSchema();
  // createHandler rather than addTo: we add a /health route and need no websockets.
  const handler = serv.createHandler();
  const server = http.createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    return handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
  process.on('SIGTERM', () => server.close(() => pgl.release().then(() => pool.end()).then(() => process.exit(0))));
}

main().catch((error) => {
  process.stderr.write(`PostGraphile could not start: ${error.stack || error}\n`);
  process.exit(1);
});
