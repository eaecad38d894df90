'use strict';
// Jest's node environment, plus: when a test file ends — passed, failed, timed
// out — every process group its tests started (and every group those started)
// is ended, SIGTERM then SIGKILL. Groups come from spawnGroup (process-groups.js);
// a Jest worker runs one file at a time, so "started by this process since the
// file began" is "started by this file" (in a run in band, Jest's own process
// also started Postgres and Redis before the first file: those are left alone).
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const groups = require('./process-groups');

class SamverkanEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    this.before = new Set(groups.startedBy(process.pid).map((e) => e.pgid));
  }

  async teardown() {
    await super.teardown();
    const file = path.relative(process.cwd(), this.testPath || '');
    await groups.cleanUp({ pid: process.pid, except: this.before, log: (line) => process.stderr.write(`[test] ${file}: ${line}\n`) });
  }
}

module.exports = SamverkanEnvironment;
