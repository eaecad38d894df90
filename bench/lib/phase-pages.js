'use strict';
// The web application's two busiest views as paths of their own (issue 20, item 4):
// a member's My page and the commission overview, each through our API (the exact
// operation apps/web sends, signed in as the page's reader) beside its SQL floor
// (bench/servers/page-floor.js). For each page: the answers of three readers must be
// equal on both paths (a check), statements per request for a reader with little and
// one with much on the page must be equal (a check), then both paths run interleaved
// under load with CPU per request counted by process, as the dashboard does.

const fs = require('node:fs');
const path = require('node:path');
const config = require('./config');
const { startServer, cpuSecondsOfTree } = require('./proc');
const { runSlice, summarise } = require('./load');
const { startOurApi, postJson, rotation } = require('./our-api');
const { MYPAGE_QUERY, OVERVIEW_QUERY, normaliseMyPage, normaliseOverview, myPageShape, overviewShape } = require('./pages');
const { SetupError } = require('./infra');



/** What each page is: its readers, the two requests, the checks' readers. */
function pageDefinitions(logins, from) {
  const pages = {};
  const members = logins.members;
  if (members.length > 0) {
    // "Much" and "little" on My page: seats held and meetings invited to.
    const weight = (m) => m.seats * 100 + m.invitations;
    const sorted = [...members].sort((a, b) => weight(a) - weight(b) || a.n - b.n);
    const few = sorted[0];
    const many = sorted[sorted.length - 1];
    pages.mypage = {
      title: "My page (a member's)",
      readers: members,
      few: { reader: few, label: `${few.seats} seats, ${few.invitations} invitations` },
      many: { reader: many, label: `${many.seats} seats, ${many.invitations} invitations` },
      samples: [many, few, sorted[Math.floor(sorted.length / 2)]],
      normalise: normaliseMyPage,
      shape: myPageShape,
      oursBody: () => JSON.stringify({ operationName: 'MyPage', query: MYPAGE_QUERY, variables: { from } }),
      floorPath: (m) => `/mypage?person=${m.personId}&from=${encodeURIComponent(from)}`,
    };
  }
  const commissions = logins.commissions;
  const big = commissions[0];
  const one = commissions[1];
  pages.overview = {
    title: 'commission overview (its secretariat)',
    readers: commissions,
    few: { reader: one, label: 'the 1-group commission' },
    many: { reader: big, label: 'the big commission' },
    samples: [big, one, commissions[commissions.length - 1]].filter((c, i, all) => all.indexOf(c) === i),
    normalise: normaliseOverview,
    shape: overviewShape,
    oursBody: (c) => JSON.stringify({ operationName: 'CommissionOverviewPage', query: OVERVIEW_QUERY, variables: { id: c.id } }),
    floorPath: (c) => `/overview?id=${c.id}&person=${c.personId}`,
  };
  return pages;
}

async function runPages({ databaseUrl, redisUrl, logins, pgPid, names, say }) {
  // "Next meetings" are those not over at this moment, the same for both paths.
  const from = new Date().toISOString();
  const definitions = pageDefinitions(logins, from);
  if (names.includes('mypage') && !definitions.mypage) {
    throw new SetupError('the benchmark database has no member logins (made before My page joined the benchmark): run npm run bench:data again');
  }
  const rounds = Math.max(1, Math.trunc(Number(process.env.BENCH_ROUNDS || 3)));
  const slice = Math.max(1, Math.round(config.durationSeconds / rounds));
  const load = { connections: config.connections, duration: slice * rounds, warmup: config.warmupSeconds, rounds, slice };
  const logDir = path.join(config.dataDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const servers = [];
  try {
    const api = await startOurApi({ name: 'api-pages', logDir, databaseUrl, redisUrl });
    servers.push(api);
    const floor = await startServer('the page floor', path.join(config.BENCH_DIR, 'servers', 'page-floor.js'), {
      logFile: path.join(logDir, 'page-floor.log'),
      env: { DATABASE_URL: databaseUrl, POOL_SIZE: '10' },
    });
    servers.push(floor);

    const results = {};
    for (const name of names) {
      const page = definitions[name];
      const order = rotation(page.readers);
      const oursBodies = new Map(page.readers.map((r) => [r, page.oursBody(r)]));
      const paths = {
        ours: {
          server: api,
          ask: (r) => postJson(`${api.url}/graphql`, JSON.parse(oursBodies.get(r)), { authorization: `Bearer ${r.token}` }),
          makeRequest: (i) => {
            const r = order[i % order.length];
            return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` }, body: oursBodies.get(r) };
          },
        },
        floor: {
          server: floor,
          ask: async (r) => {
            const response = await fetch(`${floor.url}${page.floorPath(r)}`);
            const text = await response.text();
            try {
              return JSON.parse(text);
            } catch {
              throw new Error(`the page floor answered ${response.status}: ${text.slice(0, 300)}`);
            }
          },
          makeRequest: (i) => ({ method: 'GET', path: page.floorPath(order[i % order.length]) }),
        },
      };

      // Statements per request: a reader with little on the page and one with much.
      const fewAnswer = await paths.ours.ask(page.few.reader);
      const manyAnswer = await paths.ours.ask(page.many.reader);
      const statements = {
        few: { reader: page.few.label, ...page.shape(page.normalise('our API', fewAnswer)), statements: fewAnswer.extensions?.sqlStatements },
        many: { reader: page.many.label, ...page.shape(page.normalise('our API', manyAnswer)), statements: manyAnswer.extensions?.sqlStatements },
      };
      statements.equal = typeof statements.few.statements === 'number' && statements.few.statements === statements.many.statements;
      say(`${name}: statements per request ${statements.few.statements} (${page.few.label}), ${statements.many.statements} (${page.many.label})`);

      // Both paths must return the same data for three readers, or the timings compare nothing.
      const answers = { ours: [], floor: [] };
      for (const r of page.samples) {
        answers.ours.push(page.normalise('our API', await paths.ours.ask(r)));
        answers.floor.push(page.normalise('the floor', await paths.floor.ask(r)));
      }
      const differences = answers.ours
        .map((a, i) => (JSON.stringify(a) === JSON.stringify(answers.floor[i]) ? null : firstDifference(a, answers.floor[i])))
        .filter(Boolean);
      const sameAnswers = differences.length === 0;
      // A comparison of answers that are all alike (empty pages, one reader's page for every reader) would prove nothing.
      const distinctSamples = new Set(answers.ours.map((a) => JSON.stringify(a))).size === page.samples.length;
      if (!sameAnswers) say(`${name}: ✖ ours and the floor differ: ${differences[0]}`);

      say(`${name}: ${config.connections} connections, ${rounds} rounds of ${slice} s per path (interleaved) after ${config.warmupSeconds} s warm-up each, rotating over ${page.readers.length} readers`);
      const names2 = Object.keys(paths);
      if (config.warmupSeconds > 0) for (const n of names2) await runSlice({ url: paths[n].server.url, connections: config.connections, duration: config.warmupSeconds, makeRequest: paths[n].makeRequest });
      const slices = Object.fromEntries(names2.map((n) => [n, []]));
      const cpu = Object.fromEntries(names2.map((n) => [n, { server: 0, postgres: 0 }]));
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < names2.length; k++) {
          const n = names2[(k + round) % names2.length];
          const p = paths[n];
          const before = { server: p.server.cpuSeconds(), postgres: pgPid ? cpuSecondsOfTree(pgPid) : 0 };
          slices[n].push(await runSlice({ url: p.server.url, connections: config.connections, duration: slice, makeRequest: p.makeRequest }));
          cpu[n].server += p.server.cpuSeconds() - before.server;
          if (pgPid) cpu[n].postgres += cpuSecondsOfTree(pgPid) - before.postgres;
        }
      }
      const figures = {};
      for (const n of names2) {
        const figure = summarise(slices[n]);
        figure.serverCpuMsPerRequest = (1000 * cpu[n].server) / Math.max(1, figure.requests);
        figure.postgresCpuMsPerRequest = pgPid ? (1000 * cpu[n].postgres) / Math.max(1, figure.requests) : null;
        figures[n] = figure;
        say(
          `  ${n.padEnd(6)} ${figure.requestsPerSecond.toFixed(1).padStart(7)} req/s, p50 ${figure.p50Ms.toFixed(0)} ms, p95 ${figure.p95Ms.toFixed(0)} ms, ` +
            `CPU/request: server ${figure.serverCpuMsPerRequest.toFixed(1)} ms${pgPid ? `, postgres ${figure.postgresCpuMsPerRequest.toFixed(1)} ms` : ''}, errors ${figure.errors + figure.non2xx}` +
            (figure.firstError ? ` (first: ${figure.firstError})` : ''),
        );
      }
      const requests = name === 'mypage' ? await countMyPageRequests(api.url, page.samples[0]) : undefined;
      if (requests) say(`mypage: ${requests.count} GraphQL request(s) in the browser (${requests.operations.join(', ')})`);
      results[name] = {
        requests,
        title: page.title,
        load,
        readers: page.readers.length,
        paths: figures,
        statements,
        sameAnswers,
        distinctSamples,
        differences: differences.slice(0, 3),
        samples: answers.ours.map((a) => page.shape(a)),
      };
    }
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/**
 * "My page = 1 GraphQL request" (issue 17's budget), counted in a browser: headless
 * Chromium opens the built application (dist/web, served by the API under test) as a
 * signed-in member (the session cookie the sign-in sets, signed by the bench), waits
 * until My page has its data and the network is idle, and counts the POSTs to /graphql.
 * Null when there is no Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
async function countMyPageRequests(apiUrl, member) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return null;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(120_000);
    const { hostname } = new URL(apiUrl);
    await context.addCookies([{ name: 'samverkan_session', value: member.browserToken, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const operations = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') operations.push(/(?:query|mutation)\s+(\w+)/.exec(JSON.parse(request.postData() || '{}').query || '')?.[1] || '(anonymous)');
    });
    const data = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && (r.request().postData() || '').includes('MyPage'));
    await page.goto(`${apiUrl}/`);
    const answer = await (await data).json();
    if (!answer.data || !answer.data.me) throw new Error(`My page in the browser got no data: ${JSON.stringify(answer).slice(0, 300)}`);
    await page.waitForLoadState('networkidle');
    return { how: 'headless Chromium, counted', count: operations.length, operations };
  } finally {
    await browser.close();
  }
}

/** Where two plain answers first differ (a path and both values), for the log. */
function firstDifference(a, b, at = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${at || '/'}: ${a.length} vs ${b.length} entries`;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${at}/${key}`);
      if (found) return found;
    }
  }
  return `${at || '/'}: ours ${JSON.stringify(a)?.slice(0, 200)} vs floor ${JSON.stringify(b)?.slice(0, 200)}`;
}

module.exports = { runPages, countMyPageRequests };
