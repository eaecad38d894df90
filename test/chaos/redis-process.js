'use strict';
// A redis-server of a chaos run's own, in a process group of the test registry
// (test/harness/process-groups.js), so that nothing outlives the run. Shared by
// run-chaos.js (outgoing mail) and inbound-chaos.js (calendar replies).

const fs = require('node:fs');
const groups = require('../harness/process-groups');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class RedisProcess {
  constructor(port, dir, label) {
    this.port = port;
    this.dir = dir;
    this.label = label;
  }

  /** Starts redis-server without persistence and waits until it answers PING. */
  async start() {
    fs.mkdirSync(this.dir, { recursive: true });
    this.proc = groups.spawnGroup('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], {
      stdio: 'ignore',
      label: `redis-server (${this.label})`,
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', resolve));
    for (let i = 0; i < 100; i++) {
      const client = this.client({ lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        await sleep(100);
      }
    }
    throw new Error('redis-server did not start (is it installed? apt-get install -y redis-server)');
  }

  async stop() {
    if (!this.proc || this.proc.exitCode !== null) return;
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  /** Redis losing everything at once, as the design allows it to. */
  async flushall() {
    const client = this.client();
    await client.flushall();
    client.disconnect();
  }

  client(options = {}) {
    const Redis = require('ioredis');
    return new Redis({ port: this.port, host: '127.0.0.1', ...options });
  }
}

module.exports = { RedisProcess };
