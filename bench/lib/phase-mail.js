'use strict';
// (5) Mail: the whole outbox path — rows written by OutboxService.enqueue
// (rendered reminder template), dispatched to BullMQ, claimed, sent over a
// pooled nodemailer transport and marked sent by the real worker (compiled,
// in this process) — against a bare loop that sends the same rendered mails
// with the same nodemailer pool settings and the same concurrency. Both go to
// the same local SMTP sink (its own process). A fresh, empty database
// (bench_mail) keeps the national data's owed reminders out of the count.

const path = require('node:path');
const { Client } = require('pg');
const nodemailer = require('nodemailer');
const config = require('./config');
const infra = require('./infra');
const { startServer, cpuSeconds, cpuSecondsOfTree } = require('./proc');

const dist = (...parts) => require(path.join(config.ROOT, 'dist', ...parts));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sinkCount(sink, reset = false) {
  return (await (await fetch(`${sink.url}${reset ? '/reset' : '/count'}`)).json()).count;
}

/** Waits until the sink has n messages: a long poll, so the measured process does not poll. */
async function sinkReached(sink, n, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await (await fetch(`${sink.url}/wait?count=${n}`)).json();
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${count} of ${n})`);
  }
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** In-process V8 CPU profile of the outbox runs (the worker runs in this process), with BENCH_PROFILE=1. */
function profiler(file) {
  if (!file) return { start: async () => {}, stop: async () => {} };
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    start: async () => {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
    },
    stop: async () => {
      const { profile } = await post('Profiler.stop');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function runMail({ pg, redisUrl, redisPid, resultsDir, profile, say }) {
  const profileFile = profile ? path.join(resultsDir, 'profiles', `mail-outbox-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`) : '';
  const cpuProfile = profiler(profileFile);
  require('reflect-metadata');
  const database = `${config.database}_mail`;
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const databaseUrl = pg.url(database);
  await infra.migrate(databaseUrl);

  const smtpPort = await infra.freePort();
  const sink = await startServer('SMTP sink', path.join(config.BENCH_DIR, 'servers', 'smtp-sink.js'), { healthPath: '/count', env: { SMTP_PORT: String(smtpPort) } });
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  const poolSize = 5;
  const core = dist('libs', 'core', 'src', 'index.js');
  const appConfig = core.parseConfig({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
  // The worker's own default (MAIL_SEND_CONCURRENCY) unless BENCH_MAIL_CONCURRENCY says otherwise; the bare loop gets the same.
  const concurrency = Number(process.env.BENCH_MAIL_CONCURRENCY || appConfig.MAIL_SEND_CONCURRENCY);
  const { createWorker } = dist('apps', 'worker', 'src', 'bootstrap.js');
  const { OutboxService, mailBatchSize } = dist('libs', 'mail', 'src', 'index.js');
  const { reminderTemplate } = dist('libs', 'notifications', 'src', 'index.js');
  const { DataSource } = require('typeorm');
  const worker = await createWorker({
    NODE_ENV: 'production',
    JWT_SECRET: config.jwtSecret,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `bench-mail-${process.pid}`,
    SMTP_URL: smtpUrl,
    MAIL_POOL_SIZE: String(poolSize),
    MAIL_SEND_CONCURRENCY: String(concurrency),
    SWEEP_INTERVAL_SECONDS: '3600',
    DATA_DIR: path.join(config.dataDir, 'worker'),
    LOG_LEVEL: 'silent',
  });
  await worker.init();
  const outbox = worker.get(OutboxService);
  const dataSource = worker.get(DataSource);
  const bare = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: poolSize,
    maxMessages: 1000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });

  /** CPU seconds so far of: this process (senders, and the worker), PostgreSQL, Redis, the SMTP sink. */
  const cpuNow = () => ({
    node: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    postgres: pg.pid ? cpuSecondsOfTree(pg.pid) : 0,
    redis: redisPid ? cpuSeconds(redisPid) : 0,
    sink: sink.cpuSeconds(),
  });
  const cpuPerMail = (before, n) => {
    const after = cpuNow();
    return Object.fromEntries(Object.keys(after).map((k) => [k, (1000 * (after[k] - before[k])) / n]));
  };

  let round = 0;
  /** Writes n outbox rows as an area would (rendered in its transaction); returns their ids. */
  const enqueue = async (n) => {
    round += 1;
    const ids = [];
    const started = process.hrtime.bigint();
    for (let from = 0; from < n; from += 500) {
      await dataSource.transaction(async (manager) => {
        for (let i = from; i < Math.min(n, from + 500); i++) {
          const locale = ['sv', 'da', 'en'][i % 3];
          const { id } = await outbox.enqueue(manager, {
            template: reminderTemplate,
            props: { kind: 'appointment.term-ending', title: `Arbetsgrupp ${i} (Anna Andersson ${i})`, date: '2026-09-30', days: 30, url: `https://samverkan.example/working-groups/${i}` },
            recipient: { address: `member${i}@bench.samverkan.test`, name: `Member ${i}`, locale, timeZone: 'Europe/Stockholm' },
            dedupeKey: `bench.mail:${round}:${i}`,
          });
          ids.push(id);
        }
      });
    }
    return { ids, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };

  /** Outbox → BullMQ (a job per batch of rows) → worker → SMTP: from dispatch until every row is marked sent. */
  const throughOutbox = async (n, profiled = false) => {
    const { ids, seconds: enqueueSeconds } = await enqueue(n);
    await sinkCount(sink, true);
    if (profiled) await cpuProfile.start();
    const cpuBefore = cpuNow();
    const started = process.hrtime.bigint();
    await outbox.dispatch(ids);
    // The sink's count first (a long poll: no polling in this process, which also
    // runs the worker, while it sends), then the rows, which are the real finish line.
    await sinkReached(sink, n, 600_000, 'the sink to receive every mail');
    await waitFor(async () => {
      const [{ sent }] = await dataSource.query(`SELECT count(*)::int AS sent FROM mail_outbox WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]);
      return sent === n;
    }, 600_000, 'the outbox to be sent');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuMsPerMail = cpuPerMail(cpuBefore, n);
    if (profiled) await cpuProfile.stop();
    const received = await sinkCount(sink);
    return { mails: n, seconds, perSecond: n / seconds, received, enqueueSeconds, cpuMsPerMail };
  };

  /** The same rendered mails, straight into nodemailer's pool, `concurrency` at a time. */
  const bareLoop = async (n) => {
    const { ids } = await enqueue(n);
    const rows = await dataSource.query(`SELECT to_address, to_name, locale, subject, html, text_body, message_id, dedupe_key FROM mail_outbox WHERE id = ANY($1::uuid[])`, [ids]);
    await sinkCount(sink, true);
    const cpuBefore = cpuNow();
    const started = process.hrtime.bigint();
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        await bare.sendMail({
          from: 'Samverkan <noreply@samverkan.local>',
          to: { name: row.to_name ?? '', address: row.to_address },
          subject: row.subject,
          html: row.html,
          text: row.text_body,
          messageId: row.message_id,
          headers: { 'Content-Language': row.locale, 'Auto-Submitted': 'auto-generated', 'X-Samverkan-Ref': row.dedupe_key },
          attachments: [],
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuMsPerMail = cpuPerMail(cpuBefore, n);
    const received = await sinkCount(sink);
    return { mails: n, seconds, perSecond: n / seconds, received, cpuMsPerMail };
  };

  /**
   * BullMQ alone: one job per mail that does nothing, same Redis, same
   * concurrency. One job per mail (the design before issue 20: the row id was the
   * job id) cost at least this much on top of sending, which bounded what an
   * outbox built on it could reach against the bare loop when Node's one thread
   * is the bottleneck; a job per batch of rows pays it once per batch.
   */
  const bullmqAlone = async (n) => {
    const { Queue, Worker } = require('bullmq');
    const connection = core.redisConnection(appConfig, true);
    const prefix = `bench-bullmq-${process.pid}`;
    const queue = new Queue('noop', { connection, prefix, defaultJobOptions: { removeOnComplete: true } });
    let done = 0;
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    const noop = new Worker('noop', async () => ({ status: 'done' }), { connection, prefix, concurrency });
    noop.on('completed', () => {
      if (++done === n) finish();
    });
    await noop.waitUntilReady();
    const cpuBefore = cpuNow();
    const started = process.hrtime.bigint();
    await queue.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { id: `row-${i}` }, opts: { jobId: `noop:${round}:${i}` } })));
    await finished;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuMsPerJob = cpuPerMail(cpuBefore, n);
    await noop.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    return { jobs: n, seconds, perSecond: n / seconds, cpuMsPerJob: { node: cpuMsPerJob.node, redis: cpuMsPerJob.redis } };
  };

  try {
    say(`mail: ${config.mails} mails, outbox (worker: pool ${poolSize}, concurrency ${concurrency}) vs a bare pooled nodemailer loop (same), into a local SMTP sink`);
    await bareLoop(50);
    await throughOutbox(50);
    const runs = { bare: [], outbox: [] };
    for (let i = 0; i < 2; i++) {
      runs.bare.push(await bareLoop(config.mails));
      runs.outbox.push(await throughOutbox(config.mails, i === 1));
    }
    const best = (list) => list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const batchSize = mailBatchSize({ MAIL_BATCH_SIZE: appConfig.MAIL_BATCH_SIZE, MAIL_SEND_CONCURRENCY: concurrency });
    const result = { mails: config.mails, poolSize, concurrency, batchSize, bare: best(runs.bare), outbox: best(runs.outbox), runs, profile: profileFile || undefined };
    result.ratio = result.outbox.perSecond / result.bare.perSecond;
    const alone = [await bullmqAlone(config.mails), await bullmqAlone(config.mails)].reduce((a, b) => (b.cpuMsPerJob.node < a.cpuMsPerJob.node ? b : a));
    // Node's one thread: the bare loop spends bare.node per mail; one job per mail adds at least alone.node,
    // one job per batch that divided by the batch size.
    const ceiling = (perMail) => result.bare.cpuMsPerMail.node / (result.bare.cpuMsPerMail.node + perMail);
    result.bullmq = { ...alone, ceiling: ceiling(alone.cpuMsPerJob.node), batchCeiling: ceiling(alone.cpuMsPerJob.node / batchSize) };
    const cpuText = (c) => Object.entries(c).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
    say(`  bare ${result.bare.perSecond.toFixed(0)} mails/s (CPU ms/mail: ${cpuText(result.bare.cpuMsPerMail)})`);
    say(`  BullMQ alone (no-op jobs): ${alone.perSecond.toFixed(0)} jobs/s, CPU ms/job node ${alone.cpuMsPerJob.node.toFixed(3)}, redis ${alone.cpuMsPerJob.redis.toFixed(3)}: one job per mail can reach at most ${result.bullmq.ceiling.toFixed(2)}× the bare loop, one per batch of ${batchSize} ${result.bullmq.batchCeiling.toFixed(2)}×`);
    say(`  outbox (jobs of ${batchSize} mails) ${result.outbox.perSecond.toFixed(0)} mails/s (CPU ms/mail: ${cpuText(result.outbox.cpuMsPerMail)}) = ${result.ratio.toFixed(2)}× the bare loop; enqueue ${(config.mails / result.outbox.enqueueSeconds).toFixed(0)} rows/s`);
    return result;
  } finally {
    bare.close();
    await worker.close();
    await sink.stop();
  }
}

module.exports = { runMail };
