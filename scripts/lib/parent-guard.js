'use strict';
// Preloaded (node --require) into the API, worker and CLI processes that
// scripts/start.js spawns. They run in their own process group, so if the
// launcher is killed outright (kill -9) nobody would stop them: when our parent
// changes (we were re-parented), send ourselves SIGTERM so the app shuts down
// as on any other stop, and give up after 10 s.

const parent = process.ppid;
if (parent > 1) {
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.stderr.write(`launcher (pid ${parent}) is gone; stopping\n`);
    setTimeout(() => process.exit(1), 10000).unref();
    process.kill(process.pid, 'SIGTERM');
  }, 1000);
  timer.unref();
}
