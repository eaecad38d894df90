'use strict';
// Loaded with `node --require` into a server under test when BENCH_PROFILE=1.
// The first SIGUSR2 starts the V8 CPU profiler, the second writes the profile to
// PROFILE_FILE. (--cpu-prof writes only on a clean exit, and Nest's shutdown
// hook ends the process by re-raising the signal, so it never writes one.)

const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const file = process.env.PROFILE_FILE;
const session = new inspector.Session();
session.connect();
let running = false;

process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (error || !file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(result.profile));
  });
});
