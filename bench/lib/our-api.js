'use strict';
// What the paths that time our API share: the compiled API started as production
// runs it, a JSON POST, and the fixed order in which readers are asked.

const path = require('node:path');
const config = require('./config');
const { startServer } = require('./proc');
// The V8 settings `npm start` and the Dockerfile run the API with (scripts/lib/node-flags.js).
const { SERVER_NODE_FLAGS } = require('../../scripts/lib/node-flags');

/**
 * Our API (`dist/apps/api/src/main.js`, NODE_ENV=production, LOG_LEVEL=warn, the
 * statement count exposed), with its own queue prefix and data folder under `name`.
 */
function startOurApi({ label = 'our API', name, logDir, databaseUrl, redisUrl, nodeArgs = [], env = {} }) {
  return startServer(label, path.join(config.ROOT, 'dist', 'apps', 'api', 'src', 'main.js'), {
    healthPath: '/health/live',
    logFile: path.join(logDir, `${name}.log`),
    // BENCH_API_NODE_FLAGS: more V8 flags for our API only, for an A/B (e.g. --optimize-for-size).
    nodeArgs: [...SERVER_NODE_FLAGS, ...(process.env.BENCH_API_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean), ...nodeArgs],
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: config.jwtSecret,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench-${name}`,
      DATA_DIR: path.join(config.dataDir, name),
      LOG_LEVEL: 'warn',
      EXPOSE_STATEMENT_COUNT: 'true',
      ...env,
    },
  });
}

async function postJson(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** A fixed order over the readers, the same for every path (a deterministic shuffle). */
function rotation(readers) {
  const order = [...readers];
  let state = config.seed;
  for (let i = order.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

module.exports = { startOurApi, postJson, rotation };
