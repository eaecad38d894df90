'use strict';
// Stops the Postgres and Redis of globalSetup, then ends every process group
// still in the registry whose starter is gone (a Jest worker that was killed,
// or a run that crashed earlier): see process-groups.js.
const groups = require('./process-groups');

module.exports = async function globalTeardown() {
  await globalThis.__SAMVERKAN_REDIS__?.stop();
  await globalThis.__SAMVERKAN_PG__?.stop();
  await groups.cleanUp({ log: (line) => process.stderr.write(`[test] ${line}\n`) });
};
