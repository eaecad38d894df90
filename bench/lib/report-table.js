'use strict';
// The goals of issue 9 (and issue 5's two speed items) beside the figures:
// PASS/MISS per goal, and checks (same answers, equal statement counts, no
// errors) that make a run invalid when they fail.

const fmt = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '–');
const int = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '–');

function verdicts(r) {
  const g = r.goals;
  const v = [];
  const goal = (name, measured, target, pass) => v.push({ kind: 'goal', name, measured, target, pass });
  const check = (name, measured, pass) => v.push({ kind: 'check', name, measured, target: 'must hold', pass });
  const d = r.dashboard;
  if (d) {
    const { ours, floor, postgraphile } = d.paths;
    const throughput = ours.requestsPerSecond / postgraphile.requestsPerSecond;
    const p50 = ours.p50Ms / Math.max(floor.p50Ms, 0.001);
    goal('dashboard throughput, ours / PostGraphile', `${fmt(throughput, 2)}×`, `≥ ${g.throughputVsPostgraphile}×`, throughput >= g.throughputVsPostgraphile);
    goal('dashboard p50, ours / floor', `${fmt(p50, 2)}×`, `≤ ${g.p50VsFloor}×`, p50 <= g.p50VsFloor);
    const s = d.statements;
    check(`statements per request, 1 group vs ${s.bigCommission.groups} groups`, `${s.oneGroup.statements} vs ${s.bigCommission.statements}`, s.equal);
    check('same dashboard data from ours, the floor and PostGraphile', d.sameAnswers.floor && d.sameAnswers.postgraphile ? 'same' : `floor ${d.sameAnswers.floor ? 'same' : 'DIFFERS'}, PostGraphile ${d.sameAnswers.postgraphile ? 'same' : 'DIFFERS'}`, d.sameAnswers.floor && d.sameAnswers.postgraphile);
    const errors = ours.errors + ours.non2xx + floor.errors + floor.non2xx + postgraphile.errors + postgraphile.non2xx;
    check('no error answers under load', `${errors}`, errors === 0);
    goal('API peak RSS under dashboard load', `${fmt(d.apiMemory.peakRssMb, 0)} MB`, `< ${g.apiRssMb} MB`, d.apiMemory.peakRssMb < g.apiRssMb);
  }
  for (const name of ['mypage', 'overview']) {
    const page = r[name];
    if (!page) continue;
    const { ours, floor } = page.paths;
    const cpu = (p) => p.serverCpuMsPerRequest + (p.postgresCpuMsPerRequest ?? 0);
    const cpuRatio = cpu(ours) / Math.max(cpu(floor), 0.001);
    const p50 = ours.p50Ms / Math.max(floor.p50Ms, 0.001);
    // No PostGraphile beside the pages, so CPU per request has no goal of its own here: the figure, against the floor's.
    v.push({ kind: 'figure', name: `${page.title}: CPU per request (node + postgres), ours / floor`, measured: `${fmt(cpuRatio, 2)}× (${fmt(cpu(ours))} vs ${fmt(cpu(floor))} ms)`, target: '(figure)', pass: true });
    goal(`${page.title}: p50, ours / floor`, `${fmt(p50, 2)}×`, `≤ ${g.p50VsFloor}×`, p50 <= g.p50VsFloor);
    const s = page.statements;
    check(`${page.title}: statements per request, ${s.few.reader} vs ${s.many.reader}`, `${s.few.statements} vs ${s.many.statements}`, s.equal);
    goal(`${page.title}: statements per request`, `${s.many.statements}`, `≤ ${g.pageStatements}`, typeof s.many.statements === 'number' && s.many.statements <= g.pageStatements);
    check(
      `${page.title}: same data from ours and the floor (${page.samples.length} readers, each page different)`,
      `${page.sameAnswers ? 'same' : 'DIFFERS'}${page.distinctSamples ? '' : ', readers alike'}`,
      page.sameAnswers && page.distinctSamples !== false,
    );
    const errors = ours.errors + ours.non2xx + floor.errors + floor.non2xx;
    check(`${page.title}: no error answers under load`, `${errors}`, errors === 0);
  }
  if (r.sweep) {
    const n = int(r.sweep.candidates.total);
    goal(`reminder sweep over ${n} candidates, backfill (${int(r.sweep.firstRun.owed)} owed at once)`, `${fmt(r.sweep.firstRun.seconds, 3)} s`, `< ${g.sweepSeconds} s`, r.sweep.firstRun.seconds < g.sweepSeconds);
    if (r.sweep.dailyRun) goal(`reminder sweep, first of a new day (${int(r.sweep.dailyRun.owed)} owed)`, `${fmt(r.sweep.dailyRun.seconds, 3)} s`, `< ${g.sweepSeconds} s`, r.sweep.dailyRun.seconds < g.sweepSeconds);
    goal(`reminder sweep, steady state (every minute)`, `${fmt(r.sweep.steadyRun.seconds, 3)} s`, `< ${g.sweepSeconds} s`, r.sweep.steadyRun.seconds < g.sweepSeconds);
  }
  if (r.reports && !r.reports.skipped) {
    goal(`one report (${r.reports.one.groups} groups)`, `${fmt(r.reports.one.seconds, 3)} s`, `< ${g.reportSeconds} s`, r.reports.one.seconds < g.reportSeconds);
    goal(`all ${r.reports.all.count} reports`, `${fmt(r.reports.all.seconds, 1)} s`, `< ${g.allReportsSeconds} s`, r.reports.all.seconds < g.allReportsSeconds);
  }
  if (r.web) {
    goal('web app first load (My page), gzipped JS + CSS', `${fmt(r.web.firstLoadGzipKb, 1)} kB`, `≤ ${g.webFirstLoadKb} kB`, r.web.firstLoadGzipKb <= g.webFirstLoadKb);
  }
  if (r.mypage && r.mypage.requests) {
    const q = r.mypage.requests;
    goal(`My page: GraphQL requests for its data (${q.how})`, `${q.count}${q.operations.length ? ` (${q.operations.join(', ')})` : ''}`, `= ${g.myPageRequests}`, q.count === g.myPageRequests);
  }
  if (r.mail) {
    goal('mail, outbox / bare nodemailer loop', `${fmt(r.mail.ratio, 2)}×`, `≥ ${g.mailVsBare}×`, r.mail.ratio >= g.mailVsBare);
    check('every mail arrived', `${r.mail.outbox.received}/${r.mail.mails} and ${r.mail.bare.received}/${r.mail.mails}`, r.mail.outbox.received >= r.mail.mails && r.mail.bare.received >= r.mail.mails);
  }
  return v;
}

const cpuTotal = (c) => (c ? fmt(Object.values(c).reduce((a, b) => a + b, 0), 2) : '–');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

function report(r) {
  const lines = [];
  const data = r.data || {};
  lines.push(
    `Samverkan benchmark — scale ${r.scale} (seed ${r.seed}): ${int(data.commissions)} commissions, ${int(data.groups)} groups, ${int(data.seats)} seats, ` +
      `${int(data.people)} people, ${int(data.deliverables)} deliverables, ${int(data.meetings)} meetings, ${int(data.candidates && data.candidates.total)} reminder candidates`,
  );
  lines.push(
    `${r.machine.cpus} CPUs (${r.machine.cpuModel}), Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}, ${r.when}` +
      (r.machine.loadAverageAtStart != null ? `; load average ${fmt(r.machine.loadAverageAtStart)} at start, ${fmt(r.machine.loadAverageAtEnd)} at end (other programs on the machine)` : ''),
  );
  if (r.dashboard) {
    const d = r.dashboard;
    lines.push(
      '',
      `Commission dashboard — ${d.load.connections} connections, ${d.load.duration} s per path in ${d.load.rounds} interleaved rounds after ${d.load.warmup} s warm-up, rotating over every commission`,
    );
    const row = (name, p) => [name, fmt(p.requestsPerSecond), fmt(p.p50Ms, 0), fmt(p.p95Ms, 0), fmt(p.p99Ms, 0), fmt(p.serverCpuMsPerRequest), p.postgresCpuMsPerRequest == null ? '–' : fmt(p.postgresCpuMsPerRequest), int(p.requests), int(p.errors + p.non2xx)];
    lines.push(
      table([
        ['path', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/req node', 'CPU ms/req pg', 'requests', 'errors'],
        row('our API (GraphQL, dist/)', d.paths.ours),
        row('floor (1 SQL statement)', d.paths.floor),
        row('PostGraphile v5', d.paths.postgraphile),
      ]),
    );
    const o = d.paths.ours;
    const cpu = (p) => p.serverCpuMsPerRequest + (p.postgresCpuMsPerRequest ?? 0);
    if (o.postgresCpuMsPerRequest != null) {
      lines.push(
        `CPU per request (node + postgres): ours ${fmt(cpu(o))} ms, floor ${fmt(cpu(d.paths.floor))} ms, PostGraphile ${fmt(cpu(d.paths.postgraphile))} ms ` +
          `— on an otherwise idle machine throughput follows CPU: ours/PostGraphile ≈ ${fmt(cpu(d.paths.postgraphile) / cpu(o), 2)}×, ours/floor ≈ ${fmt(cpu(d.paths.floor) / cpu(o), 2)}×`,
      );
    }
    lines.push(
      `ours/floor: throughput ${fmt(o.requestsPerSecond / d.paths.floor.requestsPerSecond, 2)}×, p50 ${fmt(o.p50Ms / d.paths.floor.p50Ms, 2)}×; ` +
        `ours/PostGraphile: throughput ${fmt(o.requestsPerSecond / d.paths.postgraphile.requestsPerSecond, 2)}×, p50 ${fmt(o.p50Ms / d.paths.postgraphile.p50Ms, 2)}×`,
    );
  }
  for (const name of ['mypage', 'overview']) {
    const page = r[name];
    if (!page) continue;
    lines.push(
      '',
      `${page.title[0].toUpperCase()}${page.title.slice(1)} — the operation apps/web sends vs one SQL statement; ${page.load.connections} connections, ${page.load.duration} s per path in ${page.load.rounds} interleaved rounds after ${page.load.warmup} s warm-up, rotating over ${int(page.readers)} readers`,
    );
    const row = (label, p) => [label, fmt(p.requestsPerSecond), fmt(p.p50Ms, 0), fmt(p.p95Ms, 0), fmt(p.p99Ms, 0), fmt(p.serverCpuMsPerRequest), p.postgresCpuMsPerRequest == null ? '–' : fmt(p.postgresCpuMsPerRequest), int(p.requests), int(p.errors + p.non2xx)];
    lines.push(
      table([
        ['path', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/req node', 'CPU ms/req pg', 'requests', 'errors'],
        row('our API (GraphQL, dist/)', page.paths.ours),
        row('floor (1 SQL statement)', page.paths.floor),
      ]),
    );
    const s = page.statements;
    lines.push(`statements per request: ${s.few.statements} (${s.few.reader}), ${s.many.statements} (${s.many.reader}); ours/floor: throughput ${fmt(page.paths.ours.requestsPerSecond / page.paths.floor.requestsPerSecond, 2)}×`);
  }
  if (r.sweep && r.sweep.steadyRun.postgresCpuSeconds != null) {
    const s = r.sweep;
    lines.push(
      '',
      `Reminder sweep (${s.rules.length} rules) — PostgreSQL CPU per run: backfill ${fmt(s.firstRun.postgresCpuSeconds, 2)} s, first of a day ${fmt(s.dailyRun.postgresCpuSeconds, 2)} s, steady ${fmt(s.steadyRun.postgresCpuSeconds, 2)} s (wall clock in the goals below)`,
    );
  }
  if (r.reports && !r.reports.skipped) {
    lines.push('', `Reports — one (${r.reports.one.groups} groups) ${fmt(r.reports.one.seconds * 1000, 0)} ms; all ${r.reports.all.count} one after the other ${fmt(r.reports.all.seconds, 1)} s`);
  }
  if (r.mail) {
    lines.push('', `Mail — ${int(r.mail.mails)} mails each way (best of ${r.mail.runs.bare.length}); pool ${r.mail.poolSize}, concurrency ${r.mail.concurrency}${r.mail.batchSize ? `, ${r.mail.batchSize} mails per outbox job` : ''}`);
    lines.push(
      table([
        ['path', 'mails/s', 'seconds', 'received', 'CPU ms/mail (all processes)'],
        ['bare pooled nodemailer loop', fmt(r.mail.bare.perSecond, 0), fmt(r.mail.bare.seconds, 2), int(r.mail.bare.received), cpuTotal(r.mail.bare.cpuMsPerMail)],
        [r.mail.batchSize ? 'outbox → BullMQ (a job per batch) → worker → SMTP' : 'outbox → BullMQ → worker → SMTP', fmt(r.mail.outbox.perSecond, 0), fmt(r.mail.outbox.seconds, 2), int(r.mail.outbox.received), cpuTotal(r.mail.outbox.cpuMsPerMail)],
        ...(r.mail.bullmq
          ? [['BullMQ alone, no-op jobs (floor of one job per mail)', fmt(r.mail.bullmq.perSecond, 0), fmt(r.mail.bullmq.seconds, 2), '–', cpuTotal(r.mail.bullmq.cpuMsPerJob)]]
          : []),
      ]),
    );
    if (r.mail.bullmq) {
      lines.push(
        `One BullMQ job per mail adds ≥ ${fmt(r.mail.bullmq.cpuMsPerJob.node, 3)} ms of Node CPU to the bare loop's ${fmt(r.mail.bare.cpuMsPerMail.node, 3)} ms: ` +
          `with Node's one thread the bottleneck, no outbox on it can pass ${fmt(r.mail.bullmq.ceiling, 2)}× the bare loop here` +
          (r.mail.bullmq.batchCeiling ? `; one job per batch of ${r.mail.batchSize}, ${fmt(r.mail.bullmq.batchCeiling, 2)}× (ours: ${fmt(r.mail.ratio, 2)}×).` : ` (ours: ${fmt(r.mail.ratio, 2)}×).`),
      );
    }
  }
  lines.push('', 'Goals');
  lines.push(table([['', 'measured', 'goal', ''], ...verdicts(r).map((x) => [x.name, x.measured, x.target, x.kind === 'figure' ? '' : x.pass ? 'PASS' : x.kind === 'check' ? 'FAIL' : 'MISS'])]));
  return lines.join('\n');
}

module.exports = { verdicts, report };
