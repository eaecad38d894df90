'use strict';
// Loaded with `node --require` into a server under test when BENCH_PROFILE=1.
// Driven over the IPC channel: { profile: 'start' } starts the V8 CPU profiler,
// { profile: 'stop' } writes the profile to PROFILE_FILE and answers
// { profileWritten }. (Not --cpu-prof, which writes only on a clean exit, nor a
// signal: Nest's shutdown hooks take SIGUSR2 and end the process on it.)

const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const file = process.env.PROFILE_FILE;
const session = new inspector.Session();
session.connect();

process.on('message', (message) => {
  if (!message || !message.profile) return;
  if (message.profile === 'start') {
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    // Where memory is allocated, too (sampled every 64 KB): the heap profile beside the CPU one.
    session.post('HeapProfiler.enable', () => session.post('HeapProfiler.startSampling', { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }));
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    session.post('HeapProfiler.stopSampling', (heapError, heap) => {
      if (!error && file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(result.profile));
        if (!heapError) fs.writeFileSync(file.replace(/\.cpuprofile$/, '.heapprofile'), JSON.stringify(heap.profile));
      }
      process.send({ profileWritten: error ? null : file });
    });
  });
});
// The channel must not keep the server alive on its own.
if (process.channel) process.channel.unref();
