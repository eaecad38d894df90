'use strict';
// (1) the commission dashboard under load through our API, the SQL floor and
// PostGraphile v5; (2) statements per request for a 1-group and the big
// commission; (6) our API's peak RSS under that load.

const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const config = require('./config');
const { startServer } = require('./proc');
const { measure } = require('./load');
const { OURS_QUERY, POSTGRAPHILE_QUERY, POSTGRAPHILE_FUNCTIONS, normalise, summarise } = require('./dashboard');

const PROFILE_HOOK = path.join(__dirname, 'profile-hook.js');

async function postJson(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** A fixed order over all commissions, the same for every path (a deterministic shuffle). */
function rotation(commissions) {
  const order = [...commissions];
  let state = config.seed;
  for (let i = order.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

async function runDashboard({ databaseUrl, redisUrl, logins, resultsDir, profile, say }) {
  const commissions = logins.commissions;
  const big = commissions[0];
  const one = commissions[1];
  const samples = [big, one, commissions[commissions.length - 1]].filter((c, i, all) => all.indexOf(c) === i);
  const order = rotation(commissions);
  const load = { connections: config.connections, duration: config.durationSeconds, warmup: config.warmupSeconds };
  const answers = {};
  const paths = {};
  const logDir = path.join(config.dataDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });

  // --- ours: the compiled API, as production runs it
  const profileFile = profile ? path.join(resultsDir, 'profiles', `api-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`) : '';
  say(`dashboard: our API (${config.connections} connections, ${config.durationSeconds} s after ${config.warmupSeconds} s warm-up, rotating over ${commissions.length} commissions)`);
  const api = await startServer('our API', path.join(config.ROOT, 'dist', 'apps', 'api', 'src', 'main.js'), {
    healthPath: '/health/live',
    logFile: path.join(logDir, 'api.log'),
    nodeArgs: profile ? ['--require', PROFILE_HOOK] : [],
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: config.jwtSecret,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: 'bench-api',
      DATA_DIR: path.join(config.dataDir, 'api'),
      LOG_LEVEL: 'warn',
      EXPOSE_STATEMENT_COUNT: 'true',
      PROFILE_FILE: profileFile,
    },
  });
  let statements;
  let apiMemory;
  try {
    const ask = (c) => postJson(`${api.url}/graphql`, { query: OURS_QUERY, variables: { id: c.id } }, { authorization: `Bearer ${c.token}` });
    answers.ours = [];
    for (const c of samples) answers.ours.push(normalise('our API', await ask(c)));
    const bigAnswer = await ask(big);
    const oneAnswer = await ask(one);
    statements = {
      oneGroup: { groups: oneAnswer.data.commission.groups.length, statements: oneAnswer.extensions?.sqlStatements },
      bigCommission: { groups: bigAnswer.data.commission.groups.length, statements: bigAnswer.extensions?.sqlStatements },
    };
    statements.equal = statements.oneGroup.statements === statements.bigCommission.statements && typeof statements.oneGroup.statements === 'number';
    say(`  statements per request: ${statements.oneGroup.statements} (1 group), ${statements.bigCommission.statements} (${statements.bigCommission.groups} groups)`);

    const bodies = new Map(commissions.map((c) => [c.id, JSON.stringify({ query: OURS_QUERY, variables: { id: c.id } })]));
    let sampledPeak = 0;
    if (profile) api.send({ profile: 'start' });
    paths.ours = await measure({
      url: api.url,
      ...load,
      makeRequest: (i) => {
        const c = order[i % order.length];
        return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body: bodies.get(c.id) };
      },
      onSample: () => (sampledPeak = Math.max(sampledPeak, api.memory().rssMb)),
    });
    if (profile) await api.request({ profile: 'stop' }, (answer) => answer && 'profileWritten' in answer);
    const memory = api.memory();
    apiMemory = { peakRssMb: Math.max(memory.peakMb, sampledPeak), rssAfterLoadMb: memory.rssMb };
    say(`  ${paths.ours.requestsPerSecond.toFixed(1)} req/s, p50 ${paths.ours.p50Ms} ms, p95 ${paths.ours.p95Ms} ms, errors ${paths.ours.errors}; peak RSS ${apiMemory.peakRssMb.toFixed(0)} MB`);
  } finally {
    await api.stop();
  }

  // --- the floor: one SQL statement behind node:http
  say('dashboard: the floor (one SQL statement, json_agg + lateral, node:http)');
  const floor = await startServer('the floor', path.join(config.BENCH_DIR, 'servers', 'floor.js'), {
    logFile: path.join(logDir, 'floor.log'),
    env: { DATABASE_URL: databaseUrl, POOL_SIZE: '10' },
  });
  try {
    answers.floor = [];
    for (const c of samples) answers.floor.push(normalise('the floor', await (await fetch(`${floor.url}/dashboard?id=${c.id}`)).json()));
    paths.floor = await measure({
      url: floor.url,
      ...load,
      makeRequest: (i) => ({ method: 'GET', path: `/dashboard?id=${order[i % order.length].id}` }),
    });
    say(`  ${paths.floor.requestsPerSecond.toFixed(1)} req/s, p50 ${paths.floor.p50Ms} ms, p95 ${paths.floor.p95Ms} ms, errors ${paths.floor.errors}`);
  } finally {
    await floor.stop();
  }

  // --- PostGraphile v5 over the same database
  say('dashboard: PostGraphile v5 (amber preset, same database)');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(POSTGRAPHILE_FUNCTIONS);
  await client.end();
  const pgl = await startServer('PostGraphile', path.join(config.BENCH_DIR, 'servers', 'postgraphile.js'), {
    logFile: path.join(logDir, 'postgraphile.log'),
    env: { DATABASE_URL: databaseUrl, POOL_SIZE: '10', NODE_ENV: 'production' },
  });
  try {
    answers.postgraphile = [];
    for (const c of samples) answers.postgraphile.push(normalise('PostGraphile', await postJson(`${pgl.url}/graphql`, { query: POSTGRAPHILE_QUERY, variables: { id: c.id } })));
    const bodies = new Map(commissions.map((c) => [c.id, JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { id: c.id } })]));
    paths.postgraphile = await measure({
      url: pgl.url,
      ...load,
      makeRequest: (i) => {
        const c = order[i % order.length];
        return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: bodies.get(c.id) };
      },
    });
    say(`  ${paths.postgraphile.requestsPerSecond.toFixed(1)} req/s, p50 ${paths.postgraphile.p50Ms} ms, p95 ${paths.postgraphile.p95Ms} ms, errors ${paths.postgraphile.errors}`);
  } finally {
    await pgl.stop();
  }

  // The three must have returned the same data, or the timings compare nothing.
  const same = {};
  for (const other of ['floor', 'postgraphile']) {
    same[other] = answers[other].every((answer, i) => JSON.stringify(answer) === JSON.stringify(answers.ours[i]));
  }
  const shapes = samples.map((c, i) => ({ commission: c.n, ...summarise(answers.ours[i]) }));
  return { load, paths, statements, apiMemory, sameAnswers: same, samples: shapes, profile: profileFile || undefined };
}

module.exports = { runDashboard, postJson };
