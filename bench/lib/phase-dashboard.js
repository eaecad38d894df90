'use strict';
// (1) the commission dashboard under load through our API, the SQL floor and
// PostGraphile v5; (2) statements per request for a 1-group and the big
// commission; (6) our API's peak RSS under that load.
//
// The machine is shared, so its load changes while we measure. The three paths
// therefore run interleaved, in short slices (ours, floor, PostGraphile, then the
// next round in another order), and besides wall-clock figures each path's CPU
// time per request is counted (its Node process and, with the embedded server,
// PostgreSQL's): a figure that other programs on the machine disturb far less.

const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const config = require('./config');
const { startServer, cpuSecondsOfTree } = require('./proc');
const { runSlice, summarise } = require('./load');
const { startOurApi, postJson, rotation } = require('./our-api');
const { OURS_QUERY, POSTGRAPHILE_QUERY, POSTGRAPHILE_FUNCTIONS, normalise, summarise: shapeOf } = require('./dashboard');

const PROFILE_HOOK = path.join(__dirname, 'profile-hook.js');



async function runDashboard({ databaseUrl, redisUrl, logins, resultsDir, profile, pgPid, say }) {
  const commissions = logins.commissions;
  const big = commissions[0];
  const one = commissions[1];
  const samples = [big, one, commissions[commissions.length - 1]].filter((c, i, all) => all.indexOf(c) === i);
  const order = rotation(commissions);
  // "Next meetings" are those not over at this moment, the same for all three paths.
  const from = new Date().toISOString();
  const rounds = Math.max(1, Math.trunc(Number(process.env.BENCH_ROUNDS || 3)));
  const slice = Math.max(1, Math.round(config.durationSeconds / rounds));
  const load = { connections: config.connections, duration: slice * rounds, warmup: config.warmupSeconds, rounds, slice };
  const logDir = path.join(config.dataDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const profileFile = profile ? path.join(resultsDir, 'profiles', `api-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`) : '';
  const servers = [];
  const stopAll = () => Promise.all(servers.map((s) => s.stop()));

  try {
    // --- ours: the compiled API, as production runs it
    const api = await startOurApi({ name: 'api', logDir, databaseUrl, redisUrl, nodeArgs: profile ? ['--require', PROFILE_HOOK] : [], env: { PROFILE_FILE: profileFile } });
    servers.push(api);
    const askOurs = (c) => postJson(`${api.url}/graphql`, { query: OURS_QUERY, variables: { id: c.id, from } }, { authorization: `Bearer ${c.token}` });
    const bigAnswer = await askOurs(big);
    const oneAnswer = await askOurs(one);
    for (const answer of [bigAnswer, oneAnswer]) normalise('our API', answer);
    const statements = {
      oneGroup: { groups: oneAnswer.data.commission.groups.length, statements: oneAnswer.extensions?.sqlStatements },
      bigCommission: { groups: bigAnswer.data.commission.groups.length, statements: bigAnswer.extensions?.sqlStatements },
    };
    statements.equal = statements.oneGroup.statements === statements.bigCommission.statements && typeof statements.oneGroup.statements === 'number';
    say(`dashboard: statements per request ${statements.oneGroup.statements} (1 group), ${statements.bigCommission.statements} (${statements.bigCommission.groups} groups)`);

    // --- the floor: one SQL statement behind node:http
    const floor = await startServer('the floor', path.join(config.BENCH_DIR, 'servers', 'floor.js'), {
      logFile: path.join(logDir, 'floor.log'),
      env: { DATABASE_URL: databaseUrl, POOL_SIZE: '10' },
    });
    servers.push(floor);

    // --- PostGraphile v5 over the same database
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(POSTGRAPHILE_FUNCTIONS);
    await client.end();
    const pgl = await startServer('PostGraphile', path.join(config.BENCH_DIR, 'servers', 'postgraphile.js'), {
      logFile: path.join(logDir, 'postgraphile.log'),
      env: { DATABASE_URL: databaseUrl, POOL_SIZE: '10', NODE_ENV: 'production' },
    });
    servers.push(pgl);

    // BENCH_COMPARE_EXECUTORS=1: a second API on graphql-js (GRAPHQL_EXECUTOR), timed in the same
    // interleaved rounds, so what graphql-jit gains is measured in one run (bench/README.md).
    let reference;
    if (process.env.BENCH_COMPARE_EXECUTORS === '1') {
      reference = await startOurApi({ label: 'our API on graphql-js', name: 'api-graphql-js', logDir, databaseUrl, redisUrl, env: { GRAPHQL_EXECUTOR: 'graphql-js' } });
      servers.push(reference);
    }

    const oursBodies = new Map(commissions.map((c) => [c.id, JSON.stringify({ query: OURS_QUERY, variables: { id: c.id, from } })]));
    const pglBodies = new Map(commissions.map((c) => [c.id, JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { id: c.id, from } })]));
    const paths = {
      ours: {
        server: api,
        ask: askOurs,
        makeRequest: (i) => {
          const c = order[i % order.length];
          return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body: oursBodies.get(c.id) };
        },
      },
      ...(reference
        ? {
            oursGraphqlJs: {
              server: reference,
              ask: (c) => postJson(`${reference.url}/graphql`, { query: OURS_QUERY, variables: { id: c.id, from } }, { authorization: `Bearer ${c.token}` }),
              makeRequest: (i) => {
                const c = order[i % order.length];
                return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body: oursBodies.get(c.id) };
              },
            },
          }
        : {}),
      floor: {
        server: floor,
        ask: async (c) => (await fetch(`${floor.url}/dashboard?id=${c.id}&from=${encodeURIComponent(from)}`)).json(),
        makeRequest: (i) => ({ method: 'GET', path: `/dashboard?id=${order[i % order.length].id}&from=${encodeURIComponent(from)}` }),
      },
      postgraphile: {
        server: pgl,
        ask: (c) => postJson(`${pgl.url}/graphql`, { query: POSTGRAPHILE_QUERY, variables: { id: c.id, from } }),
        makeRequest: (i) => {
          const c = order[i % order.length];
          return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: pglBodies.get(c.id) };
        },
      },
    };

    // The three must return the same data, or the timings compare nothing.
    const answers = {};
    for (const [name, p] of Object.entries(paths)) {
      answers[name] = [];
      for (const c of samples) answers[name].push(normalise(name === 'oursGraphqlJs' ? 'ours' : name, await p.ask(c)));
    }
    const sameAnswers = {
      floor: answers.floor.every((a, i) => JSON.stringify(a) === JSON.stringify(answers.ours[i])),
      postgraphile: answers.postgraphile.every((a, i) => JSON.stringify(a) === JSON.stringify(answers.ours[i])),
      ...(reference ? { graphqlJs: answers.oursGraphqlJs.every((a, i) => JSON.stringify(a) === JSON.stringify(answers.ours[i])) } : {}),
    };

    say(`dashboard: ${config.connections} connections, ${rounds} rounds of ${slice} s per path (interleaved) after ${config.warmupSeconds} s warm-up each, rotating over ${commissions.length} commissions`);
    const names = Object.keys(paths);
    if (config.warmupSeconds > 0) for (const name of names) await runSlice({ url: paths[name].server.url, connections: config.connections, duration: config.warmupSeconds, makeRequest: paths[name].makeRequest });
    const slices = Object.fromEntries(names.map((n) => [n, []]));
    const cpu = Object.fromEntries(names.map((n) => [n, { server: 0, postgres: 0 }]));
    let sampledPeak = 0;
    if (profile) api.send({ profile: 'start' });
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + round) % names.length];
        const p = paths[name];
        const before = { server: p.server.cpuSeconds(), postgres: pgPid ? cpuSecondsOfTree(pgPid) : 0 };
        slices[name].push(
          await runSlice({
            url: p.server.url,
            connections: config.connections,
            duration: slice,
            makeRequest: p.makeRequest,
            onSample: name === 'ours' ? () => (sampledPeak = Math.max(sampledPeak, api.memory().rssMb)) : undefined,
          }),
        );
        cpu[name].server += p.server.cpuSeconds() - before.server;
        if (pgPid) cpu[name].postgres += cpuSecondsOfTree(pgPid) - before.postgres;
      }
    }
    if (profile) await api.request({ profile: 'stop' }, (answer) => answer && 'profileWritten' in answer);
    const memory = api.memory();
    const apiMemory = { peakRssMb: Math.max(memory.peakMb, sampledPeak), rssAfterLoadMb: memory.rssMb };

    const results = {};
    for (const name of names) {
      const figure = summarise(slices[name]);
      figure.serverCpuMsPerRequest = (1000 * cpu[name].server) / Math.max(1, figure.requests);
      figure.postgresCpuMsPerRequest = pgPid ? (1000 * cpu[name].postgres) / Math.max(1, figure.requests) : null;
      results[name] = figure;
      say(
        `  ${name.padEnd(13)} ${figure.requestsPerSecond.toFixed(1).padStart(6)} req/s, p50 ${figure.p50Ms.toFixed(0)} ms, p95 ${figure.p95Ms.toFixed(0)} ms, ` +
          `CPU/request: server ${figure.serverCpuMsPerRequest.toFixed(1)} ms${pgPid ? `, postgres ${figure.postgresCpuMsPerRequest.toFixed(1)} ms` : ''}, errors ${figure.errors + figure.non2xx}`,
      );
    }
    if (reference) {
      const node = (n) => results[n].serverCpuMsPerRequest;
      say(`  graphql-jit / graphql-js: API CPU per request ${(node('ours') / node('oursGraphqlJs')).toFixed(2)}×, answers ${sameAnswers.graphqlJs ? 'the same' : 'DIFFER'}`);
    }
    say(`  our API peak RSS ${apiMemory.peakRssMb.toFixed(0)} MB`);
    const shapes = samples.map((c, i) => ({ commission: c.n, ...shapeOf(answers.ours[i]) }));
    return { load, paths: results, statements, apiMemory, sameAnswers, samples: shapes, profile: profileFile || undefined };
  } finally {
    await stopAll();
  }
}

module.exports = { runDashboard };
