'use strict';
// Inbound mail under chaos (issue 21): calendar REPLYs are delivered over SMTP
// to a worker's inbound endpoint while the workers that process them are
// SIGKILLed again and again (CHAOS_KILLS, default 30). The receiving worker is
// killed too now and then: the sender then retries as a mail server would,
// and a mail it delivers twice is stored once (its Message-ID). At the end
// every REPLY must have become exactly one RSVP:
//   inbound sent N, applied N, lost 0, applied twice 0
// Environment: CHAOS_KILLS (30), CHAOS_INBOUND_MAILS (kills × 10),
// CHAOS_ADMIN_URL (a Postgres admin URL; default: the embedded Postgres under
// .data/chaos), CHAOS_TIMEOUT_S (120). Kept apart from run-chaos.js (outgoing
// mail), whose process helpers it mirrors.

const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
// Redis and the workers run in process groups of their own, in the test
// registry (test/harness/process-groups.js): a Ctrl-C, a SIGTERM from the test
// that started us, or a crash leaves none of them running. The built workers
// need Node 24: on an older Node this script runs again on node_modules' Node 24.
const relaunched = require('../../scripts/lib/bootstrap').ensureNode24({ log: (line) => process.stderr.write(`[inbound-chaos] ${line}\n`) });
const groups = require('../harness/process-groups');
const { RedisProcess } = require('./redis-process');
const { untilStalled } = require('../harness/progress');

const ROOT = path.resolve(__dirname, '..', '..');
const KILLS = Number(process.env.CHAOS_KILLS || 30);
const MAILS = Number(process.env.CHAOS_INBOUND_MAILS || KILLS * 10);
const TIMEOUT_S = Number(process.env.CHAOS_TIMEOUT_S || 120);
const DOMAIN = 'reply.chaos.test';
const JWT_SECRET = randomBytes(24).toString('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(`[inbound-chaos] ${line}\n`);
const random = (min, max) => min + Math.random() * (max - min);

const freePort = () => require('../../scripts/lib/services').freePort();

class WorkerProcess {
  constructor(name, main, env) {
    this.name = name;
    this.main = main;
    this.env = env;
    this.starts = 0;
  }
  start() {
    this.starts += 1;
    this.readyAt = undefined;
    this.proc = groups.spawnGroup(process.execPath, [this.main], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'], label: `${this.name} (inbound chaos)` });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.ready = new Promise((resolve) => {
      let out = '';
      this.proc.stdout.on('data', (chunk) => {
        out += String(chunk);
        if (!this.readyAt && out.includes('Inbound mail:')) {
          this.readyAt = Date.now();
          resolve();
        }
      });
      this.exited.then(resolve);
    });
    this.proc.stderr.on('data', (chunk) => {
      const text = String(chunk);
      if (/could not start|Error:/i.test(text)) log(`${this.name}: ${text.trim().slice(0, 500)}`);
    });
    return this.ready;
  }
  async kill(signal = 'SIGKILL') {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill(signal);
    await this.exited;
  }
}

async function prepareDatabase() {
  const { Client } = require('pg');
  let adminUrl = process.env.CHAOS_ADMIN_URL;
  let pg;
  if (!adminUrl) {
    const services = require(path.join(ROOT, 'scripts', 'lib', 'services'));
    pg = await services.startPostgres({ dataDir: path.join(ROOT, '.data', 'chaos'), port: Number(process.env.CHAOS_PG_PORT || (await freePort())), log, settings: { fsync: 'off' } });
    adminUrl = pg.adminUrl;
  }
  const name = `inbound_chaos_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { DataSource } = require('typeorm');
  const { migrations } = require(path.join(ROOT, 'dist', 'prisma-free-schema', 'migrations'));
  const ds = new DataSource({ type: 'postgres', url: url.toString(), migrations, migrationsTableName: 'schema_migration' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      if (pg) await pg.stop();
    },
  };
}

const PARTSTATS = ['ACCEPTED', 'DECLINED', 'TENTATIVE'];
const ANSWERS = { ACCEPTED: 'yes', DECLINED: 'no', TENTATIVE: 'maybe' };

/** A calendar client's REPLY (RFC 6047), as the Gmail fixture has it. */
function replyMail(row, organizer, partstat) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const calendar = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'METHOD:REPLY',
    'BEGIN:VEVENT',
    `DTSTAMP:${stamp}`,
    `ORGANIZER;CN=Samverkan:mailto:${organizer}`,
    `UID:meeting-${row.meeting_id}@samverkan`,
    `ATTENDEE;PARTSTAT=${partstat};CN=Chaos:mailto:${row.email}`,
    'SEQUENCE:0',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return Buffer.from(
    [
      `From: Chaos <${row.email}>`,
      `To: ${organizer}`,
      `Subject: ${partstat === 'DECLINED' ? 'Declined' : 'Accepted'}: Chaos meeting`,
      `Message-ID: <${row.id}.${randomBytes(6).toString('hex')}@chaos.example>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Chaos has answered this invitation.',
      '--b',
      'Content-Type: text/calendar; charset=UTF-8; method=REPLY',
      '',
      calendar,
      '--b--',
      '',
    ].join('\r\n'),
  );
}

/** Delivers until the endpoint says 250, as a sending mail server retries. */
async function deliver(nodemailer, port, raw, from, to) {
  for (let attempt = 1; ; attempt++) {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 2000, greetingTimeout: 2000, socketTimeout: 10_000 });
    try {
      await transport.sendMail({ envelope: { from, to: [to] }, raw });
      return attempt;
    } catch (error) {
      if (error.responseCode && error.responseCode >= 500) throw error;
      await sleep(Math.min(2000, 100 * attempt));
    } finally {
      transport.close();
    }
  }
}

async function main() {
  const started = Date.now();
  groups.endGroupsOnSignal({ log, graceMs: 3000 });
  require('../../scripts/lib/bootstrap').ensureBuilt({ log });
  const workerMain = path.join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
  const { inboundAddress } = require(path.join(ROOT, 'dist', 'libs', 'mail', 'src', 'inbound-address'));
  const nodemailer = require('nodemailer');
  const db = await prepareDatabase();
  const { Client } = require('pg');
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const redis = new RedisProcess(await freePort(), path.join(ROOT, '.data', 'chaos', `inbound-redis-${process.pid}`), 'inbound chaos');
  await redis.start();
  const smtpPort = await freePort();
  const workers = [];
  try {
    // One meeting a month ahead and MAILS invitees, each answering once.
    const { rows: invitations } = await sql.query(
      `WITH o AS (INSERT INTO organisation (name, kind, country) VALUES ('Chaos org', 'agency', 'DK') RETURNING id),
            c AS (INSERT INTO commission (title, kind, commissioning_body_id, lead_organisation_id, starts_on)
                  SELECT 'Chaos commission', 'government_assignment', o.id, o.id, current_date FROM o RETURNING id),
            m AS (INSERT INTO meeting (commission_id, title, starts_at, ends_at, time_zone)
                  SELECT c.id, 'Chaos meeting', now() + interval '30 days', now() + interval '30 days 2 hours', 'Europe/Stockholm' FROM c RETURNING id),
            p AS (INSERT INTO person (full_name, email, locale, time_zone)
                  SELECT 'Chaos ' || i, 'inbound-chaos-' || i || '@example.test', 'en', 'Europe/Stockholm' FROM generate_series(1, $1) AS i RETURNING id, email)
       INSERT INTO invitation (meeting_id, person_id) SELECT m.id, p.id FROM m, p
       RETURNING id, meeting_id, person_id, (SELECT email FROM p WHERE p.id = person_id) AS email`,
      [MAILS],
    );
    const config = { INBOUND_MAIL: 'smtp', INBOUND_DOMAIN: DOMAIN, JWT_SECRET };
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET,
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '6',
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      QUEUE_PREFIX: 'inbound-chaos',
      DATA_DIR: path.join(ROOT, '.data', 'chaos', `inbound-${process.pid}`),
      LOG_LEVEL: 'error',
      SWEEP_INTERVAL_SECONDS: '1',
      INBOUND_LEASE_SECONDS: '2',
      INBOUND_DOMAIN: DOMAIN,
      INBOUND_RATE_PER_SENDER_PER_HOUR: String(MAILS * 4),
    };
    // worker-a receives (and processes); b and c only process. All three are killed.
    workers.push(
      new WorkerProcess('worker-a', workerMain, { ...env, INBOUND_MAIL: 'smtp', INBOUND_SMTP_HOST: '127.0.0.1', INBOUND_SMTP_PORT: String(smtpPort) }),
      new WorkerProcess('worker-b', workerMain, { ...env, INBOUND_MAIL: 'off' }),
      new WorkerProcess('worker-c', workerMain, { ...env, INBOUND_MAIL: 'off' }),
    );
    await Promise.all(workers.map((w) => w.start()));
    log(`${MAILS} invitees answer by calendar; 3 workers, ${KILLS} kills`);

    // Mail arrives in batches, one before each kill, so kills land while it is being processed.
    let delivered = 0;
    let retries = 0;
    let released = 0;
    let allReleased = false;
    const pending = invitations.map((row, i) => ({ row, partstat: PARTSTATS[i % 3] }));
    const queue = [];
    const release = (count) => {
      queue.push(...pending.splice(0, count));
      released += count;
      if (pending.length === 0) allReleased = true;
    };
    const senders = Array.from({ length: 4 }, async () => {
      for (;;) {
        const next = queue.shift();
        if (!next) {
          if (allReleased && queue.length === 0) return;
          await sleep(20);
          continue;
        }
        const organizer = inboundAddress(config, 'rsvp', next.row.id);
        const attempts = await deliver(nodemailer, smtpPort, replyMail(next.row, organizer, next.partstat), next.row.email, organizer);
        retries += attempts - 1;
        delivered += 1;
      }
    });
    const sending = Promise.all(senders);

    const batch = Math.ceil(MAILS / KILLS);
    let killedMidProcessing = 0;
    for (let i = 0; i < KILLS; i++) {
      // Mostly the processors; every fifth kill (the third, eighth, …) the receiver.
      const worker = i % 5 === 2 ? workers[0] : workers[1 + (i % 2)];
      await worker.ready;
      release(Math.min(batch, pending.length));
      // Kill as soon as mail is being processed (or after a while regardless).
      const until = Date.now() + random(300, 1500);
      let processing = 0;
      while (Date.now() < until) {
        [{ processing }] = (await sql.query(`SELECT count(*)::int AS processing FROM inbound_mail WHERE state = 'processing' AND lease_until > now()`)).rows;
        if (processing > 0) break;
        await sleep(15);
      }
      if (processing > 0) killedMidProcessing += 1;
      await worker.kill('SIGKILL');
      void worker.start();
      if ((i + 1) % 10 === 0) log(`${i + 1} kills, ${delivered} of ${released} delivered`);
    }
    release(pending.length);
    await sending;
    log(`chaos over after ${Math.round((Date.now() - started) / 1000)} s (${killedMidProcessing} kills with mail being processed, ${retries} delivery retries); waiting for the rest`);
    await Promise.all(workers.map((w) => w.ready));
    // Wait while mail keeps being processed; give up only after TIMEOUT_S without progress.
    try {
      await untilStalled(
        async () => {
          const { rows } = await sql.query(`SELECT state, count(*)::int AS n, max(attempts)::int AS most FROM inbound_mail GROUP BY 1 ORDER BY 1`);
          const open = rows.filter((r) => r.state !== 'done').reduce((sum, r) => sum + r.n, 0);
          return {
            done: open === 0,
            progress: rows,
            status: `owed: ${open} inbound mails not processed (${rows.map((r) => `${r.state} ${r.n}, attempts ≤ ${r.most}`).join('; ')}); workers: ${workers.map((w) => `${w.name} ${w.starts} starts`).join(', ')}`,
          };
        },
        { stallMs: TIMEOUT_S * 1000, intervalMs: 500, what: `the last of ${MAILS} inbound mails to be processed (CHAOS_TIMEOUT_S=${TIMEOUT_S})` },
      );
    } catch (error) {
      log(`gave up waiting: ${error.message}`);
    }

    const { rows: outcome } = await sql.query(
      `SELECT i.id, i.rsvp::text AS rsvp,
              (SELECT count(*)::int FROM mail_link_use u WHERE u.subject_id = i.meeting_id AND u.person_id = i.person_id AND u.channel = 'calendar-reply') AS listed,
              (SELECT count(*)::int FROM audit_event a WHERE a.entity = 'invitation' AND a.entity_id = i.id::text AND a.action = 'rsvp' AND a.origin LIKE 'calendar-reply:%') AS audited
         FROM invitation i ORDER BY i.id`,
    );
    const expected = new Map(invitations.map((row, i) => [row.id, ANSWERS[PARTSTATS[i % 3]]]));
    let applied = 0;
    let lost = 0;
    let twice = 0;
    let wrong = 0;
    for (const row of outcome) {
      if (row.listed === 0 && row.audited === 0) lost += 1;
      else applied += 1;
      if (row.listed > 1 || row.audited > 1) twice += 1;
      if (row.listed > 0 && row.rsvp !== expected.get(row.id)) wrong += 1;
    }
    const { rows: states } = await sql.query(`SELECT state, coalesce(result, '-') AS result, count(*)::int AS n, max(attempts)::int AS most FROM inbound_mail GROUP BY 1, 2 ORDER BY 1, 2`);
    log(`inbound rows: ${states.map((s) => `${s.state}/${s.result} ${s.n} (attempts ≤ ${s.most})`).join(', ')}; worker starts: ${workers.map((w) => w.starts).join(' + ')}; ${Math.round((Date.now() - started) / 1000)} s`);
    process.stdout.write(`inbound sent ${MAILS}, applied ${applied}, lost ${lost}, applied twice ${twice}${wrong ? `, wrong answer ${wrong}` : ''}\n`);
    process.exitCode = lost > 0 || twice > 0 || wrong > 0 || applied !== MAILS ? 1 : 0;
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    await sql.end();
    await redis.stop();
    fs.rmSync(redis.dir, { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, '.data', 'chaos', `inbound-${process.pid}`), { recursive: true, force: true });
    await db.drop();
  }
}

if (!relaunched) {
  main().catch((error) => {
    log(error && error.stack ? error.stack : String(error));
    process.exitCode = 1;
  });
}
